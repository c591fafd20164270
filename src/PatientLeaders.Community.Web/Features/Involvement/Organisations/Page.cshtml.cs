using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Involvement.Opportunities;

namespace PatientLeaders.Community.Web.Features.Involvement.Organisations;

/// <summary>
/// An organisation's public page, once verified and not paused; before then, or while paused, only its contacts
/// and the coordinators see it, and everyone else gets the same 404 as for an unknown one.
/// </summary>
[AllowAnonymous]
public sealed class OrganisationPageModel(OrganisationStore organisations, OpportunityStore opportunities) : PageModel
{
    public OrganisationView Organisation { get; private set; } = new();

    public IReadOnlyList<OpportunityView> Open { get; private set; } = [];

    public bool Manages { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await organisations.FindAsync(slug, ct) is not { } organisation)
        {
            return NotFound();
        }
        Manages = InvolvementAccess.Manages(User, organisation.Id);
        if (!organisation.IsActive && !Manages)
        {
            return NotFound();
        }
        Organisation = organisation;
        Open = (await opportunities.OpenAsync(ct)).Where(o => o.OrganisationId == organisation.Id).ToList();
        return Page();
    }
}
