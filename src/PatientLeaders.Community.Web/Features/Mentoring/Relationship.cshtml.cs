using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// The pair's private page: goals, the session log with private notes, the fit check and the agreed end. Only the
/// mentor and mentee may open it; everyone else, coordinators and admins included, gets a 404.
/// </summary>
public sealed class RelationshipModel(RelationshipStore store, IOptions<MentoringOptions> options, TimeProvider clock, ILogger<RelationshipModel> logger,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxGoalLength = 200;
    public const int MaxNoteLength = 4000;

    public sealed class GoalInput
    {
        [PlainText]
        public string? Title { get; set; }

        public long GoalId { get; set; }

        public string? Progress { get; set; }
    }

    public sealed class SessionInput
    {
        public DateOnly? HeldOn { get; set; }

        public string Format { get; set; } = MentoringVocabulary.Telephone;

        public int? DurationMinutes { get; set; } = 60;

        public string? Note { get; set; }

        public bool ShareNote { get; set; }
    }

    public sealed class NoteInput
    {
        public long SessionId { get; set; }

        public string? Body { get; set; }

        public bool IsShared { get; set; }
    }

    [BindProperty]
    public GoalInput Goal { get; set; } = new();

    [BindProperty]
    public SessionInput Session { get; set; } = new();

    [BindProperty]
    public NoteInput Note { get; set; } = new();

    [BindProperty]
    public string? FitAnswer { get; set; }

    [BindProperty]
    public DateOnly? AgreedEndOn { get; set; }

    public Relationship Pair { get; private set; } = new();

    public long MemberId { get; private set; }

    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public IReadOnlyList<SessionLogEntry> Sessions { get; private set; } = [];

    public DateOnly Today => MentoringDates.Today(clock);

    public bool IsActive => Pair.Status == RelationshipStatus.Active;

    public bool ClosingSoon => IsActive && Pair.AgreedEndOn is { } end && MentoringDates.ToDate(end) <= Today.AddDays(options.Value.ClosingSessionDays);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Session.HeldOn ??= Today;
        AgreedEndOn = Pair.AgreedEndOn is { } end ? MentoringDates.ToDate(end) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAddGoalAsync(long id, CancellationToken ct)
    {
        if (!await LoadActiveAsync(id, ct))
        {
            return NotFound();
        }
        var title = Goal.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            ModelState.AddModelError("Goal.Title", localizer["Enter the goal you have agreed"]);
        }
        else if (title.Length > MaxGoalLength)
        {
            ModelState.AddModelError("Goal.Title", localizer["A goal must be {0} characters or fewer", MaxGoalLength]);
        }
        if (!ModelState.IsValid)
        {
            return await PageAsync(ct);
        }
        await store.AddGoalAsync(id, title, ct);
        return Done(id, localizer["Goal added."], "goals");
    }

    public async Task<IActionResult> OnPostGoalProgressAsync(long id, CancellationToken ct)
    {
        if (!await LoadActiveAsync(id, ct) || !MentoringVocabulary.GoalProgress.IsKnown(Goal.Progress)
            || !await store.SetGoalProgressAsync(id, Goal.GoalId, Goal.Progress!, ct))
        {
            return NotFound();
        }
        return Done(id, localizer["Progress saved."], "goals");
    }

    public async Task<IActionResult> OnPostLogSessionAsync(long id, CancellationToken ct)
    {
        if (!await LoadActiveAsync(id, ct))
        {
            return NotFound();
        }
        if (Session.HeldOn is not { } heldOn)
        {
            ModelState.AddModelError("Session.HeldOn", localizer["Enter the date of the session"]);
        }
        else if (heldOn > Today || heldOn < MentoringDates.ToDate(Pair.StartedAt).AddDays(-1))
        {
            ModelState.AddModelError("Session.HeldOn", localizer["Enter a date between the start of your mentoring and today"]);
        }
        if (!MentoringVocabulary.Formats.IsKnown(Session.Format))
        {
            ModelState.AddModelError("Session.Format", localizer["Choose how you met"]);
        }
        if (Session.DurationMinutes is not (>= 5 and <= 480))
        {
            ModelState.AddModelError("Session.DurationMinutes", localizer["Enter how long it lasted, in minutes, from 5 to 480"]);
        }
        if (Session.Note?.Length > MaxNoteLength)
        {
            ModelState.AddModelError("Session.Note", NoteTooLong);
        }
        if (!ModelState.IsValid)
        {
            return await PageAsync(ct);
        }
        await store.LogSessionAsync(Pair, MemberId, new SessionEdit(Session.HeldOn!.Value, Session.Format, Session.DurationMinutes!.Value, Session.Note, Session.ShareNote), ct);
        return Done(id, Pair.FirstSessionAt is null
            ? localizer["Session logged. As this was your first session, we have asked you both, privately, how the match feels."]
            : localizer["Session logged."], "sessions");
    }

    public async Task<IActionResult> OnPostSaveNoteAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Note.Body?.Length > MaxNoteLength)
        {
            ModelState.AddModelError("Note.Body", NoteTooLong);
            return await PageAsync(ct);
        }
        if (!await store.SaveNoteAsync(id, Note.SessionId, MemberId, Note.Body, Note.IsShared, ct))
        {
            return NotFound();
        }
        return Done(id, string.IsNullOrWhiteSpace(Note.Body) ? localizer["Your note has been deleted."]
            : Note.IsShared ? localizer["Your note is saved and shared."] : localizer["Your note is saved. Only you can see it."], "sessions");
    }

    public async Task<IActionResult> OnPostFitAsync(long id, CancellationToken ct)
    {
        if (!await LoadActiveAsync(id, ct) || Pair.FirstSessionAt is null)
        {
            return NotFound();
        }
        if (!MentoringVocabulary.FitAnswers.IsKnown(FitAnswer))
        {
            ModelState.AddModelError(nameof(FitAnswer), localizer["Choose the answer closest to how you feel"]);
            return await PageAsync(ct);
        }
        await store.AnswerFitAsync(Pair, MemberId, FitAnswer!, ct);
        return Done(id, FitAnswer == "NotAFit"
            ? localizer["Thank you for telling us. A coordinator will be in touch kindly. Your answer stays private."]
            : localizer["Thank you. Your answer stays private."], "fit-check");
    }

    public async Task<IActionResult> OnPostAgreedEndAsync(long id, CancellationToken ct)
    {
        if (!await LoadActiveAsync(id, ct))
        {
            return NotFound();
        }
        if (AgreedEndOn is { } end && end <= Today)
        {
            ModelState.AddModelError(nameof(AgreedEndOn), localizer["Enter a date in the future, or leave it empty"]);
            return await PageAsync(ct);
        }
        await store.SetAgreedEndAsync(id, AgreedEndOn, ct);
        return Done(id, AgreedEndOn is null ? localizer["The end date has been cleared."]
            : localizer["The end date is saved. We will suggest a closing session nearer the time."], "about");
    }

    private string NoteTooLong => localizer["Your note must be {0} characters or fewer", MaxNoteLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)];

    private IActionResult Done(long id, LocalizedString status, string fragment)
    {
        TempData["Status"] = status.Value;
        return Redirect($"/mentoring/{id}#{fragment}");
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Goals = await store.GoalsAsync(Pair.Id, ct);
        Sessions = await store.SessionsAsync(Pair.Id, MemberId, ct);
        return Page();
    }

    private async Task<bool> LoadActiveAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) && IsActive;

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        MemberId = CurrentMember.Id(User);
        if (await store.FindForMemberAsync(id, MemberId, ct) is not { } pair)
        {
            logger.LogWarning("Denied mentoring relationship {RelationshipId} to member {MemberId}", id, MemberId);
            return false;
        }
        Pair = pair;
        Goals = await store.GoalsAsync(id, ct);
        Sessions = await store.SessionsAsync(id, MemberId, ct);
        return true;
    }
}
