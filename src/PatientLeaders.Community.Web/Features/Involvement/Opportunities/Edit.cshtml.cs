using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Involvement.Organisations;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Opportunities;

/// <summary>
/// Writing an opportunity, for an organisation's contacts and the coordinators. It follows the NIHR and NHS England
/// advice on adverts: what difference the input makes (required), time, place, payment and expenses, support.
/// Saving keeps a draft; sending puts it before a coordinator, and leaders see it only once approved.
/// </summary>
public sealed class EditModel(OpportunityStore opportunities, OrganisationStore organisations, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        public long OrganisationId { get; set; }

        [Required(ErrorMessage = "Enter a title for the role")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
        [PlainText]
        public string Title { get; set; } = "";

        public string Kind { get; set; } = "Boards";

        [Required(ErrorMessage = "Say what difference the leader's input will make")]
        [StringLength(4000, ErrorMessage = "Please keep this to 4,000 characters or fewer")]
        public string Difference { get; set; } = "";

        [Required(ErrorMessage = "Say how much time it will take")]
        [StringLength(300, ErrorMessage = "Please keep this to 300 characters or fewer")]
        [PlainText]
        public string TimeCommitment { get; set; } = "";

        [Required(ErrorMessage = "Enter the first day of the work")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Enter the last day of the work")]
        public DateOnly? EndsOn { get; set; }

        public string Place { get; set; } = InvolvementVocabulary.Remote;

        [StringLength(300, ErrorMessage = "The venue must be 300 characters or fewer")]
        [PlainText]
        public string? Venue { get; set; }

        public string? Region { get; set; }

        public string PaymentLevel { get; set; } = "Level2";

        public string? HourlyRate { get; set; }

        [Required(ErrorMessage = "Say which expenses are covered")]
        [StringLength(1000, ErrorMessage = "Please keep this to 1,000 characters or fewer")]
        public string Expenses { get; set; } = "";

        [Required(ErrorMessage = "Say what support and adjustments you offer")]
        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string Support { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string? ExperienceSought { get; set; }

        public List<string> Themes { get; set; } = [];

        [Range(1, 50, ErrorMessage = "Enter how many people you want, from 1 to 50")]
        public int PeopleWanted { get; set; } = 1;

        [Required(ErrorMessage = "Enter the closing date for applications")]
        public DateOnly? ClosesOn { get; set; }

        [Required(ErrorMessage = "Enter the name of the person to contact")]
        [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
        [PlainText]
        public string ContactName { get; set; } = "";

        [Required(ErrorMessage = "Enter the contact's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
        [StringLength(254, ErrorMessage = "The email address must be 254 characters or fewer")]
        public string ContactEmail { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OpportunityView? Existing { get; private set; }

    /// <summary>The organisations this person may post for: their own, or any for a coordinator.</summary>
    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id, long? organisationId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (Existing is { } o)
        {
            Input = new InputModel
            {
                OrganisationId = o.OrganisationId, Title = o.Title, Kind = o.Kind, Difference = o.Difference, TimeCommitment = o.TimeCommitment,
                StartsOn = MentoringDates.ToDate(o.StartsOn), EndsOn = MentoringDates.ToDate(o.EndsOn), Place = o.Place, Venue = o.Venue, Region = o.Region,
                PaymentLevel = o.PaymentLevel, HourlyRate = Money.Field(o.HourlyRatePence), Expenses = o.Expenses, Support = o.Support, ExperienceSought = o.ExperienceSought,
                Themes = [.. o.ThemeList], PeopleWanted = o.PeopleWanted, ClosesOn = MentoringDates.ToDate(o.ClosesOn), ContactName = o.ContactName, ContactEmail = o.ContactEmail,
            };
        }
        else
        {
            Input.OrganisationId = organisationId is { } chosen && Organisations.Any(g => g.Id == chosen) ? chosen : Organisations[0].Id;
            Input.ContactName = User.FindFirst(MemberClaims.DisplayName)?.Value ?? "";
        }
        return Page();
    }

    /// <summary>The form's first button, and Enter: send for approval.</summary>
    public Task<IActionResult> OnPostAsync(long? id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    public Task<IActionResult> OnPostDraftAsync(long? id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    private async Task<IActionResult> SaveAsync(long? id, bool submit, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (Existing is not null)
        {
            Input.OrganisationId = Existing.OrganisationId;
        }
        var ratePence = Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var edit = new OpportunityEdit
        {
            OrganisationId = Input.OrganisationId, Title = Input.Title.Trim(), Kind = Input.Kind, Difference = Input.Difference.Trim(), TimeCommitment = Input.TimeCommitment.Trim(),
            StartsOn = MentoringDates.ToStored(Input.StartsOn!.Value), EndsOn = MentoringDates.ToStored(Input.EndsOn!.Value), Place = Input.Place,
            Venue = Input.Place == InvolvementVocabulary.InPerson ? (Input.Venue ?? "").Trim() : "", Region = Input.Region ?? "", PaymentLevel = Input.PaymentLevel,
            HourlyRatePence = ratePence, Expenses = Input.Expenses.Trim(), Support = Input.Support.Trim(),
            ExperienceSought = (Input.ExperienceSought ?? "").Trim(), Themes = Vocabulary.Join(MentoringVocabulary.Themes.Clean(Input.Themes)), PeopleWanted = Input.PeopleWanted,
            ClosesOn = MentoringDates.ToStored(Input.ClosesOn!.Value), ContactName = Input.ContactName.Trim(), ContactEmail = Input.ContactEmail.Trim(),
        };
        long saved;
        if (Existing is null)
        {
            saved = await opportunities.CreateAsync(edit, submit, CurrentMember.Id(User), ct);
        }
        else if (await opportunities.UpdateAsync(Existing.Id, edit, submit, ct))
        {
            saved = Existing.Id;
        }
        else
        {
            TempData["Status"] = localizer["This opportunity has closed, so it can no longer be changed."].Value;
            return LocalRedirect($"/opportunities/{Existing.Id}");
        }
        TempData["Status"] = submit
            ? localizer["Sent for approval. A coordinator will check it, and leaders will see it once it is approved."].Value
            : localizer["Saved as a draft. Leaders do not see it until you send it for approval and a coordinator approves it."].Value;
        return LocalRedirect($"/opportunities/{saved}");
    }

    /// <summary>Adds every problem to the model state; returns the hourly rate in pence.</summary>
    private int Validate()
    {
        if (!Money.TryParsePounds(Input.HourlyRate, 1000, out var ratePence))
        {
            ModelState.AddModelError("Input.HourlyRate", localizer["Enter an hourly rate in pounds between 0 and 1,000, like 25 or 25.50"]);
        }
        var today = MentoringDates.Today(clock);
        if (Existing is null && !Organisations.Any(g => g.Id == Input.OrganisationId))
        {
            ModelState.AddModelError("Input.OrganisationId", localizer["Choose the organisation"]);
        }
        if (!InvolvementVocabulary.Kinds.IsKnown(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", localizer["Choose the kind of involvement"]);
        }
        if (!InvolvementVocabulary.Places.IsKnown(Input.Place))
        {
            ModelState.AddModelError("Input.Place", localizer["Choose where the work happens"]);
        }
        else if (Input.Place == InvolvementVocabulary.InPerson && string.IsNullOrWhiteSpace(Input.Venue))
        {
            ModelState.AddModelError("Input.Venue", localizer["Enter the venue for work in person"]);
        }
        if (!string.IsNullOrEmpty(Input.Region) && !MentoringVocabulary.Regions.IsKnown(Input.Region))
        {
            ModelState.AddModelError("Input.Region", localizer["Choose a region from the list"]);
        }
        if (!InvolvementVocabulary.PaymentLevels.IsKnown(Input.PaymentLevel))
        {
            ModelState.AddModelError("Input.PaymentLevel", localizer["Choose the payment level"]);
        }
        else if (Input.PaymentLevel == "Level1" && ratePence > 0)
        {
            ModelState.AddModelError("Input.HourlyRate", localizer["Level 1 involvement is paid expenses only: set the hourly rate to 0, or choose another level"]);
        }
        else if (Input.PaymentLevel != "Level1" && ratePence <= 0 && ModelState.GetFieldValidationState("Input.HourlyRate") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.HourlyRate", localizer["Enter the hourly rate you pay at this level"]);
        }
        if (Input.StartsOn is { } starts && Input.EndsOn is { } ends && ends < starts)
        {
            ModelState.AddModelError("Input.EndsOn", localizer["The last day must be on or after the first day"]);
        }
        if (Input.ClosesOn is { } closes)
        {
            if (closes < today && Existing?.ClosesOn != MentoringDates.ToStored(closes))
            {
                ModelState.AddModelError("Input.ClosesOn", localizer["The closing date must be today or later"]);
            }
            else if (Input.StartsOn is { } first && closes > first)
            {
                ModelState.AddModelError("Input.ClosesOn", localizer["The closing date must be on or before the first day of the work"]);
            }
        }
        return ratePence;
    }

    /// <summary>Null when this person may write here; otherwise the 404 an outsider gets.</summary>
    private async Task<IActionResult?> LoadAsync(long? id, CancellationToken ct)
    {
        var coordinator = InvolvementAccess.IsCoordinator(User);
        var mine = Roles.OrganisationsOf(User);
        Organisations = (await organisations.AllAsync(ct)).Where(g => (coordinator || mine.Contains(g.Id)) && g.PausedAt is null).ToList();
        if (id is { } existingId)
        {
            if (await opportunities.FindAsync(existingId, ct) is not { } existing || !InvolvementAccess.Manages(User, existing.OrganisationId))
            {
                return NotFound();
            }
            Existing = existing;
            return existing.Status == OpportunityStatus.Closed ? LocalRedirect($"/opportunities/{existing.Id}") : null;
        }
        return Organisations.Count == 0 ? NotFound() : null;
    }
}
