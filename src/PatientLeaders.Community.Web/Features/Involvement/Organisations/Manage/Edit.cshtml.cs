using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Organisations.Manage;

/// <summary>One organisation for the coordinators: its details, verifying and pausing it, and its contacts.</summary>
public sealed class EditModel(OrganisationStore organisations, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class ContactInput
    {
        [Required(ErrorMessage = "Enter the contact's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
        [StringLength(254, ErrorMessage = "The email address must be 254 characters or fewer")]
        public string Email { get; set; } = "";
    }

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    public OrganisationView Organisation { get; private set; } = new();

    public IReadOnlyList<ProgrammePerson> Contacts { get; private set; } = [];

    public IReadOnlyList<string> Invited { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        Input = OrganisationInput.From(Organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        ModelState.KeepOnly("Input");
        if (!Input.IsValidKind)
        {
            ModelState.AddModelError("Input.Kind", localizer["Choose the kind of organisation"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await organisations.UpdateAsync(Organisation.Id, Input.ToEdit(), ct);
        return Done(localizer["Saved."]);
    }

    public Task<IActionResult> OnPostVerifyAsync(string slug, bool on, CancellationToken ct) => ActAsync(slug, id => organisations.SetVerifiedAsync(id, on, ct),
        on ? localizer["Marked verified."] : localizer["No longer marked verified: leaders will not see its opportunities."], ct);

    public Task<IActionResult> OnPostPauseAsync(string slug, bool on, CancellationToken ct) => ActAsync(slug, id => organisations.SetPausedAsync(id, on, ct),
        on ? localizer["Paused: its opportunities are hidden from the pool. Work already confirmed carries on."] : localizer["Resumed."], ct);

    public Task<IActionResult> OnPostRemoveContactAsync(string slug, long memberId, CancellationToken ct) =>
        ActAsync(slug, id => organisations.RemoveContactAsync(id, memberId, ct), localizer["They are no longer a contact for this organisation."], ct);

    public async Task<IActionResult> OnPostAddContactAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        Input = OrganisationInput.From(Organisation);
        ModelState.KeepOnly("Contact");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Contact.Email.Trim();
        var existing = await organisations.AddContactAsync(Organisation.Id, email, CurrentMember.Id(User), User.FindFirst(MemberClaims.DisplayName)?.Value ?? "", ct);
        return Done(existing ? localizer["{0} is now a contact for this organisation.", email] : localizer["We have emailed an invitation to {0}.", email]);
    }

    private async Task<IActionResult> ActAsync(string slug, Func<long, Task> act, string message, CancellationToken ct)
    {
        if (await organisations.FindAsync(slug, ct) is not { } organisation)
        {
            return NotFound();
        }
        await act(organisation.Id);
        return Done(message);
    }

    private LocalRedirectResult Done(string message)
    {
        TempData["Status"] = message;
        return LocalRedirect($"/organisations/manage/{RouteData.Values["slug"]}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await organisations.FindAsync(slug, ct) is not { } organisation)
        {
            return false;
        }
        Organisation = organisation;
        Contacts = await organisations.ContactsAsync(organisation.Id, ct);
        Invited = await organisations.PendingInvitationsAsync(organisation.Id, ct);
        return true;
    }
}
