using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>
/// A cohort's participants for coordinators: progress against the completion rules, a coach for each (suggested by
/// the mentoring network's explained scoring), and the observed-practice sign-off that leads to accreditation.
/// </summary>
public sealed class ParticipantsModel(ProgrammeStore programmes, ApplicationStore applications, ParticipationStore participation, MentoringStore mentoring,
    CertificateStore certificates, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int SuggestionsEach = 3;

    public sealed record ParticipantLine(ApplicationView Participant, Progress Progress, IReadOnlyList<MentorMatch> Suggestions, string? CoachName, CertificateView? Certificate);

    /// <summary>Why a certificate is withdrawn: shown to anyone who checks it.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The participant whose revocation failed, so only their form shows the error and keeps the text.</summary>
    public long? FailedId { get; private set; }

    public CohortView Cohort { get; private set; } = new();

    public ProgrammeView Programme { get; private set; } = new();

    public IReadOnlyList<ParticipantLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCoachAsync(long id, long applicationId, long coachId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Lines.FirstOrDefault(l => l.Participant.Id == applicationId) is not { } line
            || line.Suggestions.FirstOrDefault(s => s.Mentor.MentorId == coachId) is not { } choice)
        {
            return NotFound();
        }
        var coach = new ProgrammePerson { Id = coachId, DisplayName = choice.Mentor.DisplayName, Handle = choice.Mentor.Handle };
        var person = await mentoring.MentorAsync(coachId, ct);
        coach = coach with { Email = person?.Email ?? "" };
        TempData["Status"] = await participation.AssignCoachAsync(Cohort, line.Participant, coach, ct)
            ? localizer["{0} is now {1}'s coach. Both have been emailed.", coach.DisplayName, line.Participant.DisplayName].Value
            : localizer["That participant already has a coach."].Value;
        return LocalRedirect($"/programmes/manage/cohorts/{id}/participants");
    }

    public async Task<IActionResult> OnPostSignOffAsync(long id, long applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Lines.FirstOrDefault(l => l.Participant.Id == applicationId) is not { } line)
        {
            return NotFound();
        }
        TempData["Status"] = await participation.SignOffPracticeAsync(Programme, line.Participant, ct)
            ? localizer["Observed practice signed off for {0}; their accreditation is recorded.", line.Participant.DisplayName].Value
            : localizer["Only a graduate of this programme whose practice has not been signed off yet can be signed off."].Value;
        return LocalRedirect($"/programmes/manage/cohorts/{id}/participants");
    }

    public async Task<IActionResult> OnPostReissueAsync(long id, long applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Lines.FirstOrDefault(l => l.Participant.Id == applicationId) is not { Certificate: { } certificate } line)
        {
            return NotFound();
        }
        TempData["Status"] = await certificates.ReissueAsync(certificate, line.Participant.Person, Accounts.CurrentMember.Id(User), ct) is not null
            ? localizer["{0}'s certificate has been reissued in their current name; the old one says it was replaced.", line.Participant.DisplayName].Value
            : localizer["That certificate has already been changed."].Value;
        return LocalRedirect($"/programmes/manage/cohorts/{id}/participants");
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, long applicationId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Lines.FirstOrDefault(l => l.Participant.Id == applicationId) is not { Certificate: { } certificate } line)
        {
            return NotFound();
        }
        var reason = (Reason ?? "").Trim();
        if (reason.Length is 0 or > 1000)
        {
            FailedId = applicationId;
            ModelState.AddModelError(nameof(Reason), localizer["Say in up to 1,000 characters why the certificate is withdrawn: anyone who checks it will read this"]);
            return Page();
        }
        TempData["Status"] = await certificates.RevokeAsync(certificate, line.Participant.Person, reason, Accounts.CurrentMember.Id(User), ct)
            ? localizer["{0}'s certificate has been withdrawn, and they have been told.", line.Participant.DisplayName].Value
            : localizer["That certificate has already been changed."].Value;
        return LocalRedirect($"/programmes/manage/cohorts/{id}/participants");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { } cohort || await programmes.FindProgrammeAsync(cohort.ProgrammeSlug, ct) is not { } programme)
        {
            return false;
        }
        Cohort = cohort;
        Programme = programme;
        var candidates = await mentoring.CandidatesAsync(ct);
        var names = candidates.ToDictionary(c => c.MentorId, c => c.DisplayName);
        var lines = new List<ParticipantLine>();
        foreach (var participant in (await applications.ForCohortAsync(id, ct)).Where(a => a.Status == ApplicationStatus.Accepted))
        {
            var progress = await participation.ProgressAsync(cohort, participant, ct);
            var suggestions = participant.CoachRelationshipId is null
                ? MentorMatcher.Suggest(CoachingPreferences(participant), candidates, SuggestionsEach)
                : [];
            var coachName = participant.CoachRelationshipId is null ? null : await participation.CoachNameAsync(participant.CoachRelationshipId.Value, ct);
            var certificate = participant.CompletedAt is null ? null : await certificates.OfApplicationAsync(participant.Id, ct);
            lines.Add(new ParticipantLine(participant, progress, suggestions, coachName, certificate));
        }
        Lines = lines;
        return true;
    }

    /// <summary>The programme's coaching is by telephone, in the participant's own language where a coach speaks it.</summary>
    private static MenteePreferences CoachingPreferences(ApplicationView participant) => new()
    {
        MenteeId = participant.MemberId,
        Format = MentoringVocabulary.Telephone,
        FormatRequired = true,
        Language = participant.Language?.Split('-')[0] switch { "cy" => "Welsh", "es" => "Spanish", _ => "English" },
    };
}
