using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>Reported private messages waiting for a moderator: who reported whom, and when. The words are one step further.</summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class ReportsModel(MessageStore messages) : PageModel
{
    public IReadOnlyList<MessageReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Reports = await messages.OpenReportsAsync(ct);
}
