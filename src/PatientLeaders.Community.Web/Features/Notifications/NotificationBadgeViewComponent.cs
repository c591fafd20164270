using Microsoft.AspNetCore.Mvc;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Notifications;

/// <summary>The header's "Notifications" link with the unread count: one indexed COUNT per signed-in page.</summary>
public sealed class NotificationBadgeViewComponent(NotificationStore notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var memberId = SessionCookieEvents.MemberId(UserClaimsPrincipal);
        var count = memberId is { } id ? await notifications.UnreadCountAsync(id, HttpContext.RequestAborted) : 0;
        return View(count);
    }
}
