using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

public sealed class IgnoredModel(PostActionStore actions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<IgnoredMember> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Members = await actions.IgnoredAsync(ForumViewer.From(User).RequireMemberId(), ct);

    public async Task<IActionResult> OnPostStopAsync(long memberId, CancellationToken ct)
    {
        await actions.IgnoreAsync(ForumViewer.From(User).RequireMemberId(), memberId, ignore: false, ct);
        TempData["Status"] = localizer["You are no longer ignoring that member."].Value;
        return RedirectToPage();
    }
}
