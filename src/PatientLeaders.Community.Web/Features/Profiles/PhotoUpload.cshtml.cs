using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Web.Features.Profiles;

/// <summary>
/// Uploading or removing a profile picture. Its own address (ending in /upload) takes a file larger than a form;
/// a picture that cannot be used is explained here, with the form again.
/// </summary>
[EnableRateLimiting(ForumServices.PostingLimit)]
public sealed class PhotoUploadModel(ProfileStore profiles, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public IFormFile? Photo { get; set; }

    public DateTimeOffset? PhotoUpdatedAt { get; private set; }

    public IActionResult OnGet() => Redirect("/account/profile");

    /// <summary>Re-encodes the picture (<see cref="ProfilePhoto"/>) and keeps only that; anything that is not a picture is refused.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        byte[]? jpeg = null;
        if (Photo is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(Photo), localizer["Choose a picture to upload"]);
        }
        else if (file.Length > ProfilePhoto.MaxBytes)
        {
            ModelState.AddModelError(nameof(Photo), localizer["The picture must be 8 MB or smaller"]);
        }
        else
        {
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes, ct);
            jpeg = ProfilePhoto.Square(bytes.ToArray());
            if (jpeg is null)
            {
                ModelState.AddModelError(nameof(Photo), localizer["Choose a JPEG, PNG or WebP picture"]);
            }
        }
        if (!ModelState.IsValid)
        {
            PhotoUpdatedAt = (await profiles.FindByIdAsync(CurrentMember.Id(User), ct))?.PhotoUpdatedAt;
            return Page();
        }
        await profiles.SavePhotoAsync(CurrentMember.Id(User), jpeg, ct);
        TempData["Status"] = localizer["Your picture has been saved."].Value;
        return Redirect("/account/profile");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await profiles.SavePhotoAsync(CurrentMember.Id(User), null, ct);
        TempData["Status"] = localizer["Your picture has been removed; your initials are shown instead."].Value;
        return Redirect("/account/profile");
    }
}
