using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Infrastructure.Content;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;
namespace PatientLeaders.Community.Web.Features.Sets;

public sealed class DetailsModel(SetStore sets, MeetingStore meetings, MarkdownRenderer renderer, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SetView Set { get; private set; } = new();
    public SetAccess Access { get; private set; } = SetAccess.Nobody(0, 0);
    public SanitizedHtml RulesHtml { get; private set; } = SanitizedHtml.Empty;
    public IReadOnlyList<SetMemberView> Members { get; private set; } = [];
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];
    public IReadOnlyList<ActionView> Actions { get; private set; } = [];
    public int AcceptedVersion { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>A member agrees to the current version of the ground rules.</summary>
    public async Task<IActionResult> OnPostAcceptRulesAsync([FromRoute] long id, int version, string? returnTo, CancellationToken ct)
    {
        var access = await sets.AccessAsync(id, User, ct);
        if (!access.CanSeeContent || await sets.FindAsync(id, ct) is not { } set)
        {
            return NotFound();
        }
        if (access.IsMember && version == set.GroundRulesVersion)
        {
            await sets.AcceptRulesAsync(id, access.MemberId, version, ct);
            TempData["Status"] = localizer["Thank you. Your agreement to the ground rules is recorded."].Value;
        }
        return LocalRedirect(returnTo == "room" ? $"/sets/{id}/room" : $"/sets/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Access = await sets.AccessAsync(id, User, ct);
        if (!Access.CanSeeContent || await sets.FindAsync(id, ct) is not { } set)
        {
            return false;
        }
        Set = set;
        Now = clock.GetUtcNow();
        RulesHtml = renderer.Render(set.GroundRules);
        Members = await sets.MembersAsync(id, ct);
        Meetings = await meetings.MeetingsAsync(id, ct);
        Actions = await meetings.ActionsOfSetAsync(id, ct);
        AcceptedVersion = await sets.AcceptedVersionAsync(id, Access.MemberId, ct);
        return true;
    }
}
