using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Profiles;

/// <summary>A member's picture, for signed-in members only, like their profile. Its address changes when it does.</summary>
public sealed class PhotoModel(ProfileStore profiles) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken ct)
    {
        if (handle.Length > 30 || await profiles.PhotoAsync(handle, ct) is not { } jpeg)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, max-age=86400";
        return File(jpeg, "image/jpeg");
    }
}
