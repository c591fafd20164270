using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Profiles;

public sealed class ViewModel(ProfileStore profiles, MarkdownRenderer renderer) : PageModel
{
    public ProfileView Profile { get; private set; } = new();

    public LivedExperience? LivedExperience { get; private set; }

    public SanitizedHtml BioHtml { get; private set; } = SanitizedHtml.Empty;

    public bool IsOwn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken ct)
    {
        if (handle.Length > 40 || await profiles.FindByHandleAsync(handle, ct) is not { } profile)
        {
            return NotFound();
        }
        var viewerId = CurrentMember.Id(User);
        Profile = profile;
        IsOwn = viewerId == profile.MemberId;
        BioHtml = renderer.Render(profile.Bio);
        LivedExperience = await profiles.LivedExperienceForViewerAsync(profile.MemberId, viewerId, ct);
        return Page();
    }
}
