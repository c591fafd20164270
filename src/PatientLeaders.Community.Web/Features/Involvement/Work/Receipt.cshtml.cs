using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Uploads;

namespace PatientLeaders.Community.Web.Features.Involvement.Work;

/// <summary>A receipt, only to its leader, the paying organisation's contacts and the coordinators, always as an attachment. Anyone else gets a 404.</summary>
public sealed class ReceiptModel(WorkStore work, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long claimId, CancellationToken ct)
    {
        if (await work.FindClaimAsync(claimId, ct) is not { ReceiptFileId: { } fileId } claim
            || !(claim.MemberId == CurrentMember.Id(User) || claim.PayerOrganisationId is { } payer && InvolvementAccess.Manages(User, payer))
            || await files.FindAsync(fileId, ct) is not { } file
            || files.Open(file) is not { } stream)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(stream, file.FileKind.ContentType, file.OriginalName);
    }
}
