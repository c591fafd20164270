using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Organisations.Manage;

/// <summary>The coordinators' list of organisations, and adding one. A new organisation is unverified until a coordinator checks it.</summary>
public sealed class IndexModel(OrganisationStore organisations, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await organisations.AllAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Input.IsValidKind)
        {
            ModelState.AddModelError("Input.Kind", localizer["Choose the kind of organisation"]);
        }
        if (!ModelState.IsValid)
        {
            Organisations = await organisations.AllAsync(ct);
            return Page();
        }
        var slug = await organisations.CreateAsync(Input.ToEdit(), ct);
        TempData["Status"] = localizer["{0} has been added. Check it, then mark it verified.", Input.Name.Trim()].Value;
        return LocalRedirect($"/organisations/manage/{slug}");
    }
}
