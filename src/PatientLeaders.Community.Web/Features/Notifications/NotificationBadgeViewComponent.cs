using Microsoft.AspNetCore.Mvc;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Web.Features.Notifications;

/// <summary>The header's "Notifications" link with the unread count: one indexed COUNT per signed-in page.</summary>
public sealed class NotificationBadgeViewComponent(NotificationStore notifications, ForumAccess access, CategoryStore categories) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var viewer = ForumViewer.From(UserClaimsPrincipal);
        if (viewer.MemberId is not { } id)
        {
            return View(0);
        }
        var ct = HttpContext.RequestAborted;
        var visible = await access.VisibleCategoriesAsync(viewer, ct);
        var seesEverything = visible.Count == (await categories.AllAsync(ct)).Count;
        return View(await notifications.UnreadCountAsync(id, seesEverything ? null : visible.Select(c => c.Id).ToList(), ct));
    }
}
