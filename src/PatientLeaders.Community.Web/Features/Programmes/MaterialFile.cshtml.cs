using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using PatientLeaders.Community.Web.Infrastructure.Uploads;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// A material's file, only to the cohort (participants once it is open), always as an attachment. Anyone else, and
/// any id that is not this cohort's, gets the same 404, so ids cannot be probed.
/// </summary>
public sealed class MaterialFileModel(ProgrammeStore programmes, ApplicationStore applications, MaterialStore materials, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, long materialId, CancellationToken ct)
    {
        var access = await CohortAccess.ForAsync(User, id, programmes, applications, ct);
        if (!access.Belongs
            || await materials.FindAsync(id, materialId, includeNotYetOpen: access.Runs, ct) is not { FileId: { } fileId }
            || await files.FindAsync(fileId, ct) is not { } file
            || files.Open(file) is not { } stream)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(stream, file.FileKind.ContentType, file.OriginalName);
    }
}
