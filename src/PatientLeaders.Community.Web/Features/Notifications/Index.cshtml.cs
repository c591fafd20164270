using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Notifications;

public sealed class IndexModel(NotificationStore notifications, ForumAccess access, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        var visible = (await access.VisibleCategoriesAsync(viewer, ct)).Select(c => c.Id).ToList();
        Items = await notifications.RecentAsync(viewer.RequireMemberId(), visible, ct);
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken ct)
    {
        await notifications.MarkAllReadAsync(ForumViewer.From(User).RequireMemberId(), ct);
        TempData["Status"] = localizer["All your notifications are marked as read."].Value;
        return RedirectToPage();
    }
}
