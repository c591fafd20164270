using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Programmes.Outcomes;

/// <summary>A member's own questionnaires and how their answers have changed: only they ever see these.</summary>
public sealed class MineModel(OutcomeStore outcomes) : PageModel
{
    public IReadOnlyList<OutcomeResponse> Responses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Responses = await outcomes.MineAsync(CurrentMember.Id(User), ct);
}
