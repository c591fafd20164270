using Microsoft.AspNetCore.Mvc;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Web.Features.Notifications;

/// <summary>The header's "Notifications" link with the unread count: one indexed COUNT per signed-in page.</summary>
public sealed class NotificationBadgeViewComponent(NotificationStore notifications, CategoryStore categories) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var viewer = ForumViewer.From(UserClaimsPrincipal);
        if (viewer.MemberId is not { } id)
        {
            return View(0);
        }
        var ct = HttpContext.RequestAborted;
        var all = await categories.AllAsync(ct);
        var visible = all.Where(c => ForumAccess.CanSee(c, viewer)).Select(c => c.Id).ToList();
        return View(await notifications.UnreadCountAsync(id, visible.Count == all.Count ? null : visible, ct));
    }
}
