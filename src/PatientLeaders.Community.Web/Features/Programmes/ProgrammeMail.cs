using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// The words of every programme email, in the recipient's own language. Mails name the programme and link to the
/// page; they never carry what an applicant wrote, and never their access needs.
/// </summary>
public sealed class ProgrammeMail(IOptions<AccountOptions> account, IOptions<MailOptions> mailOptions, IOptions<ProgrammesOptions> options,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const string MyApplicationsPath = "/programmes/applications";

    private string Link(string path) => account.Value.BaseUrl.TrimEnd('/') + path;

    private string Name(CohortView cohort) => $"{cohort.ProgrammeTitle}: {cohort.Title}";

    private OutgoingMail To(ProgrammePerson person, string subject, params string[] paragraphs) => new(
        person.Email, person.DisplayName, subject,
        string.Join("\n\n", [localizer["Hello {0},", person.DisplayName], .. paragraphs.Where(p => p.Length > 0), localizer["Patient Leaders Community"]]),
        person.Id);

    public OutgoingMail Received(ProgrammePerson to, CohortView cohort) => SiteCultures.In(to.Language, () => To(to,
        localizer["We have your application for {0}", Name(cohort)],
        localizer["Thank you for applying for {0}.", Name(cohort)],
        localizer["Programme coordinators read every application. You will hear from us before the programme starts, whatever the answer."],
        localizer["You can see where your application is, or withdraw it, here: {0}", Link(MyApplicationsPath)]));

    public OutgoingMail Offered(ProgrammePerson to, CohortView cohort, DateTimeOffset expiresAt, bool fromWaitingList) => SiteCultures.In(to.Language, () => To(to,
        localizer["A place for you on {0}", Name(cohort)],
        fromWaitingList ? localizer["Good news: a place has come free on {0}, and it is yours if you want it.", Name(cohort)]
            : localizer["Good news: we are offering you a place on {0}.", Name(cohort)],
        localizer["Please take the place or say no by {0}: {1}", ProgrammeTimes.Format(expiresAt, cohort.TimeZone), Link(MyApplicationsPath)],
        localizer["If we do not hear from you by then, the place goes to the next person waiting."]));

    public OutgoingMail Waiting(ProgrammePerson to, CohortView cohort) => SiteCultures.In(to.Language, () => To(to,
        localizer["You are on the waiting list for {0}", Name(cohort)],
        localizer["All the places on {0} are offered at the moment, so we have put you on the waiting list.", Name(cohort)],
        localizer["If a place comes free, it is offered to the next person on the list, and we will email you at once. Either way, you will hear from us before the programme starts."],
        localizer["Your applications: {0}", Link(MyApplicationsPath)]));

    public OutgoingMail Declined(ProgrammePerson to, CohortView cohort, string message) => SiteCultures.In(to.Language, () => To(to,
        localizer["About your application for {0}", Name(cohort)],
        localizer["Thank you for applying for {0}. We are sorry that we cannot offer you a place this time.", Name(cohort)],
        message.Length > 0 ? localizer["A message from the programme coordinators:"] + "\n" + message : "",
        localizer["You are welcome to apply for another programme: {0}", Link("/programmes")]));

    public OutgoingMail FinalAnswer(ProgrammePerson to, CohortView cohort) => SiteCultures.In(to.Language, () => To(to,
        localizer["About your application for {0}", Name(cohort)],
        localizer["{0} starts soon, and no place has come free for you. We are sorry: we promised you an answer before it starts, and this is it.", Name(cohort)],
        localizer["Please do apply again. Upcoming programmes are listed here: {0}", Link("/programmes")]));

    public OutgoingMail Lapsed(ProgrammePerson to, CohortView cohort) => SiteCultures.In(to.Language, () => To(to,
        localizer["Your offer of a place on {0} has ended", Name(cohort)],
        localizer["We did not hear from you in time, so the place on {0} has gone to the next person waiting.", Name(cohort)],
        localizer["If this is not what you wanted, please reply to this email or apply for another programme: {0}", Link("/programmes")]));

    public OutgoingMail Joining(ProgrammePerson to, CohortView cohort, IReadOnlyList<SessionView> sessions) => SiteCultures.In(to.Language, () =>
    {
        var where = cohort.Mode switch
        {
            "InPerson" => localizer["Where: {0}", cohort.Venue].Value,
            "Both" => localizer["Where: online, and in person at {0}", cohort.Venue].Value,
            _ => localizer["Where: online. Action learning meetings are in your set's room on this site."].Value,
        };
        var list = string.Join("\n", sessions.Select(s =>
            $"{s.Position}. {SessionTitle(s)} – {ProgrammeTimes.Format(s.StartsAt, cohort.TimeZone)}"));
        var mail = To(to,
            localizer["Joining instructions for {0}", Name(cohort)],
            localizer["Welcome to {0}. Your place is confirmed.", Name(cohort)],
            where,
            localizer["Your sessions:"] + "\n" + list,
            localizer["The attached calendar file adds every session to your calendar."],
            localizer["Everything about the programme, and your action learning set, is here: {0}", Link($"/programmes/cohorts/{cohort.Id}")],
            localizer["You can ask for a break at any time in any session, without giving a reason. If anything would make it easier for you to take part, tell us by replying to this email."]);
        return mail with { CalendarAttachment = Calendar(to, cohort, sessions, 0) };
    });

    public OutgoingMail DatesChanged(ProgrammePerson to, CohortView cohort, IReadOnlyList<SessionView> sessions) => SiteCultures.In(to.Language, () =>
    {
        var list = string.Join("\n", sessions.Select(s => $"{s.Position}. {SessionTitle(s)} – {ProgrammeTimes.Format(s.StartsAt, cohort.TimeZone)}"));
        var mail = To(to,
            localizer["New dates for {0}", Name(cohort)],
            localizer["Some sessions of {0} have moved. These are the dates now:", Name(cohort)] + "\n" + list,
            localizer["The attached calendar file updates the sessions already in your calendar."],
            localizer["If the new dates do not work for you, reply to this email and we will talk it through."]);
        return mail with { CalendarAttachment = Calendar(to, cohort, sessions, cohort.CalendarSequence) };
    });

    public OutgoingMail CoordinatorReminder(ProgrammePerson to, CohortView cohort, int waiting) => SiteCultures.In(to.Language, () => To(to,
        localizer.Plural(waiting, "{0} applications for {1} are waiting for a decision", Name(cohort)),
        localizer.Plural(options.Value.CoordinatorReminderDays, "Some applications have waited more than {0} days. Please offer a place, put the person on the waiting list or write to them kindly."),
        Link($"/programmes/manage/cohorts/{cohort.Id}")));

    public OutgoingMail Completed(ProgrammePerson to, CohortView cohort, string certificateCode) => SiteCultures.In(to.Language, () => To(to,
        localizer["Congratulations: you have completed {0}", cohort.ProgrammeTitle],
        localizer["You have completed {0}. Congratulations, and thank you for everything you brought to the cohort.", Name(cohort)],
        localizer["Your certificate is here. It is private until you choose to share it: {0}", Link("/certificates/" + certificateCode)],
        localizer["You are now one of the programme's alumni, with its own area in the forum: {0}", Link("/forum")]));

    public OutgoingMail CertificateReissued(ProgrammePerson to, CertificateView old, string code) => SiteCultures.In(to.Language, () => To(to,
        localizer["Your certificate for {0} has been reissued", old.ProgrammeTitle],
        localizer["We have issued your certificate for {0} again, in your current name. The old one now says it was replaced.", old.ProgrammeTitle],
        localizer["Your new certificate: {0}", Link("/certificates/" + code)]));

    public OutgoingMail CertificateRevoked(ProgrammePerson to, CertificateView certificate, string reason) => SiteCultures.In(to.Language, () => To(to,
        localizer["Your certificate for {0} has been withdrawn", certificate.ProgrammeTitle],
        localizer["The programme coordinators have withdrawn your certificate for {0}. Anyone who checks it will see that it was withdrawn, and why:", certificate.ProgrammeTitle] + "\n" + reason,
        localizer["If you think this is a mistake, please reply to this email."]));

    public OutgoingMail CatchUp(ProgrammePerson to, CohortView cohort, SessionView session) => SiteCultures.In(to.Language, () => To(to,
        localizer["We missed you at {0}", SessionTitle(session)],
        localizer["We missed you at {0} of {1}. We hope you are all right.", SessionTitle(session), Name(cohort)],
        localizer["The session's materials are on the cohort's page: {0}", Link($"/programmes/cohorts/{cohort.Id}")],
        localizer["If you would like a catch-up call with a facilitator, reply to this email and we will arrange one at a time that suits you."]));

    public OutgoingMail CoachForParticipant(ProgrammePerson to, CohortView cohort, string coachName, long relationshipId) => SiteCultures.In(to.Language, () => To(to,
        localizer["{0} will be your coach on {1}", coachName, cohort.ProgrammeTitle],
        localizer["{0}, an accredited coach, will hold your coaching calls on {1}.", coachName, Name(cohort)],
        localizer["Your shared mentoring page is here. Only the two of you can see it: arrange your calls, send messages and log each call there: {0}", Link($"/mentoring/{relationshipId}")]));

    public OutgoingMail CoachForCoach(ProgrammePerson to, CohortView cohort, string participantName, long relationshipId) => SiteCultures.In(to.Language, () => To(to,
        localizer["You are coaching {0} on {1}", participantName, cohort.ProgrammeTitle],
        localizer["Programme coordinators have asked you to hold {0}'s coaching calls on {1}.", participantName, Name(cohort)],
        localizer["Your shared mentoring page is here. Please log each call there, so that it counts towards completing the programme: {0}", Link($"/mentoring/{relationshipId}")]));

    public OutgoingMail Accredited(ProgrammePerson to, bool asFacilitator) => SiteCultures.In(to.Language, () => To(to,
        asFacilitator ? localizer["Your facilitator accreditation is recorded"] : localizer["Your coach accreditation is recorded"],
        asFacilitator
            ? localizer["Your observed practice has been signed off and your accreditation as a facilitator is recorded. You can now be asked to facilitate the Centre's programmes and action learning sets."]
            : localizer["Your observed practice has been signed off and your accreditation as a coach is recorded. You can now be asked to coach on the Centre's programmes."],
        Link("/programmes")));

    public OutgoingMail OutcomeInvitation(ProgrammePerson to, CohortView cohort, long applicationId, string timepoint) => SiteCultures.In(to.Language, () => To(to,
        localizer["A few questions about {0}", cohort.ProgrammeTitle],
        timepoint switch
        {
            Outcomes.OutcomeInstrument.Start => localizer["Before {0} begins, we would like to know where you are starting from.", Name(cohort)],
            Outcomes.OutcomeInstrument.End => localizer["As {0} comes to an end, we would like to know how you are now.", Name(cohort)],
            _ => localizer["It is a while since {0} ended. We would like to know how you are now, and what you have done since.", Name(cohort)],
        },
        localizer["It takes about five minutes. Your answers are yours: you can see how they change, and the Centre only ever reports them added together with at least nine other people's, never on their own."],
        Link($"/programmes/outcomes/{applicationId}/{timepoint}")));

    /// <summary>The session's own title, or the name of its kind in the recipient's language.</summary>
    public string SessionTitle(SessionView session) => session.DisplayTitle(localizer);

    private string Calendar(ProgrammePerson to, CohortView cohort, IReadOnlyList<SessionView> sessions, int sequence)
    {
        var baseUrl = account.Value.BaseUrl.TrimEnd('/');
        var host = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.Host : "localhost";
        return ProgrammeCalendar.Sessions(cohort, sessions, s => $"{cohort.ProgrammeTitle}: {SessionTitle(s)}", Link($"/programmes/cohorts/{cohort.Id}"),
            host, mailOptions.Value.FromAddress, to.Email, to.DisplayName, clock.GetUtcNow(), sequence);
    }
}
