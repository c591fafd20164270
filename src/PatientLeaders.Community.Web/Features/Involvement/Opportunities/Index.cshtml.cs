using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Involvement.Pool;

namespace PatientLeaders.Community.Web.Features.Involvement.Opportunities;

/// <summary>
/// The pool's list, best match first, each with why it may suit the reader in terms they published. Members not in
/// the pool are invited to join and see no opportunities. Contacts see their organisation's own; coordinators, the
/// approval queue.
/// </summary>
public sealed class IndexModel(OpportunityStore opportunities, PoolStore pool) : PageModel
{
    public PoolProfile? Profile { get; private set; }

    public IReadOnlyList<(OpportunityView Opportunity, OpportunityMatch Match)> Open { get; private set; } = [];

    public IReadOnlyList<OpportunityView> Organisations { get; private set; } = [];

    public int WaitingForApproval { get; private set; }

    public bool IsCoordinator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsCoordinator = InvolvementAccess.IsCoordinator(User);
        Profile = await pool.FindAsync(CurrentMember.Id(User), ct);
        if (Profile is not null || IsCoordinator)
        {
            Open = OpportunityMatcher.Rank(Profile ?? new PoolProfile(), await opportunities.OpenAsync(ct), Roles.OrganisationsOf(User));
        }
        Organisations = await opportunities.OfOrganisationsAsync(Roles.OrganisationsOf(User), ct);
        if (IsCoordinator)
        {
            WaitingForApproval = (await opportunities.WithStatusAsync(OpportunityStatus.Submitted, ct)).Count;
        }
    }
}
