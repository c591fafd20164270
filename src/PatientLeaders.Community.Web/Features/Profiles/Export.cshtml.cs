using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Profiles;

public sealed class ExportModel(MemberDataService data, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var export = await data.ExportAsync(CurrentMember.Id(User), ct);
        var fileName = $"patient-leaders-community-data-{clock.GetUtcNow():yyyy-MM-dd}.json";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", fileName);
    }
}
