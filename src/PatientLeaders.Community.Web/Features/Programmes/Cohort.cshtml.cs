using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// One cohort: its sessions, facilitators and places, and the reader's own application. The cohort's facilitators
/// and programme coordinators also see who is taking part, with the access needs each person shared.
/// </summary>
[AllowAnonymous]
public sealed class CohortModel(ProgrammeStore programmes, ApplicationStore applications, ParticipationStore participation, Forum.CategoryStore categories,
    TrioStore trios, TimeProvider clock) : PageModel
{
    public CohortView Cohort { get; private set; } = new();

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public IReadOnlyList<FacilitatorView> Facilitators { get; private set; } = [];

    public ApplicationView? Mine { get; private set; }

    /// <summary>Participants with their access needs: only for the cohort's facilitators and programme coordinators.</summary>
    public IReadOnlyList<ApplicationView> Participants { get; private set; } = [];

    public bool IsCoordinator { get; private set; }

    public bool IsFacilitator { get; private set; }

    public bool IsOpen { get; private set; }

    /// <summary>The partner's code from the link they shared, passed on to the application form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The cohort's private discussion area, for its participants, facilitators and coordinators.</summary>
    public string? DiscussionSlug { get; private set; }

    public Progress? MyProgress { get; private set; }

    /// <summary>The reader's trio's room, in a partnership cohort.</summary>
    public long? MyTrioSetId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { } cohort)
        {
            return NotFound();
        }
        var memberId = User.Identity?.IsAuthenticated == true ? CurrentMember.Id(User) : 0;
        IsCoordinator = ProgrammesPolicy.IsCoordinator(User);
        IsFacilitator = memberId != 0 && await programmes.IsFacilitatorAsync(id, memberId, ct);
        if (!cohort.IsPublished && !IsCoordinator && !IsFacilitator)
        {
            return NotFound();
        }
        Cohort = cohort;
        IsOpen = !cohort.HasStarted(clock.GetUtcNow());
        Sessions = await programmes.SessionsAsync(id, ct);
        Facilitators = await programmes.FacilitatorsAsync(id, ct);
        if (memberId != 0)
        {
            Mine = await applications.FindOfAsync(id, memberId, ct);
        }
        if (Mine is { Status: ApplicationStatus.Accepted } mine)
        {
            MyProgress = await participation.ProgressAsync(cohort, mine, ct);
            MyTrioSetId = (await trios.ForCohortAsync(id, ct)).FirstOrDefault(t => t.MemberIds.Contains(mine.MemberId))?.SetId;
        }
        if ((IsCoordinator || IsFacilitator || IsParticipant) && cohort.CategoryId is { } categoryId)
        {
            DiscussionSlug = (await categories.AllAsync(ct)).FirstOrDefault(c => c.Id == categoryId)?.Slug;
        }
        if (IsCoordinator || IsFacilitator)
        {
            Participants = (await applications.ForCohortAsync(id, ct)).Where(a => a.Status == ApplicationStatus.Accepted).ToList();
        }
        return Page();
    }

    public bool IsParticipant => Mine?.Status == ApplicationStatus.Accepted;
}
