using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Sets;

public sealed class IndexModel(SetStore sets) : PageModel
{
    public IReadOnlyList<SetListItem> MySets { get; private set; } = [];

    /// <summary>For coordinators and admins: every set, names and counts only.</summary>
    public IReadOnlyList<SetListItem> AllSets { get; private set; } = [];

    public long? NextAfterId { get; private set; }

    public bool CanCreate { get; private set; }

    public bool SeesAll { get; private set; }

    public async Task OnGetAsync(long after, CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        MySets = await sets.MySetsAsync(memberId, ct);
        CanCreate = SetsPolicy.MayCreate(User);
        SeesAll = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Coordinator);
        if (SeesAll)
        {
            const int page = 50;
            AllSets = await sets.AllSetsAsync(Math.Max(0, after), page + 1, ct);
            if (AllSets.Count > page)
            {
                AllSets = AllSets.Take(page).ToList();
                NextAfterId = AllSets[^1].Id;
            }
        }
    }
}
