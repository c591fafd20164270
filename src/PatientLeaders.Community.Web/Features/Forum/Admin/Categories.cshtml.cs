using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum.Admin;

/// <summary>Admins list and reorder categories with buttons (no dragging, WCAG 2.5.7).</summary>
[Authorize(Policy = AccountsServices.AdminPolicy)]
public sealed class CategoriesModel(CategoryStore categories, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ForumCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Categories = await categories.AllAsync(ct);

    public async Task<IActionResult> OnPostMoveAsync(long id, int direction, CancellationToken ct)
    {
        await categories.MoveAsync(id, direction, ct);
        TempData["Status"] = direction < 0 ? localizer["The category moved up."].Value : localizer["The category moved down."].Value;
        return RedirectToPage();
    }
}
