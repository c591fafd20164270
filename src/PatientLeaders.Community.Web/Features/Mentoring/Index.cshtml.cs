using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Mentoring;

public sealed class IndexModel(MentoringStore store, RelationshipStore relationships, IOptions<MentoringOptions> options) : PageModel
{
    public long MemberId { get; private set; }

    public IReadOnlyList<Relationship> Relationships { get; private set; } = [];

    public IReadOnlyList<MentoringRequest> Requests { get; private set; } = [];

    public IReadOnlyList<RequestChoice> Waiting { get; private set; } = [];

    public bool IsMentor => User.IsInRole(Roles.Mentor);

    public bool IsCoordinator => MentoringServices.IsCoordinating(User);

    public MentoringOptions Options => options.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        MemberId = CurrentMember.Id(User);
        Relationships = await relationships.ForMemberAsync(MemberId, ct);
        Requests = await store.RequestsOfMenteeAsync(MemberId, ct);
        Waiting = IsMentor ? await store.PendingForMentorAsync(MemberId, ct) : [];
    }
}
