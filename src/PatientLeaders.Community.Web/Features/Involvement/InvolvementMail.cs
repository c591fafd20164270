using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>
/// Every email of the pool, in the recipient's own language. Mails name the opportunity and link to the page; they
/// never carry a leader's statement, lived experience, access needs or payment choice.
/// </summary>
public sealed class InvolvementMail(IOptions<AccountOptions> account, IStringLocalizer<SharedResource> localizer)
{
    public const string MyApplicationsPath = "/involvement/applications";

    private string Link(string path) => account.Value.BaseUrl.TrimEnd('/') + path;

    private OutgoingMail To(ProgrammePerson person, string subject, params string[] paragraphs) => new(
        person.Email, person.DisplayName, subject,
        string.Join("\n\n", [localizer["Hello {0},", person.DisplayName], .. paragraphs.Where(p => p.Length > 0), localizer["Patient Leaders Community"]]),
        person.Id);

    private string Title(OpportunityView o) => $"{o.Title} ({o.OrganisationName})";

    /// <summary>The reasons, in the reader's language: one line each.</summary>
    public string Reasons(OpportunityMatch match) => string.Join("\n", match.Reasons.Select(r =>
        "- " + localizer[r.Key, string.Join(", ", r.Labels.Select(l => localizer[l].Value))].Value));

    public OutgoingMail Received(ProgrammePerson to, OpportunityView o) => SiteCultures.In(to.Language, () => To(to,
        localizer["We have your application for {0}", Title(o)],
        localizer["Thank you for applying for {0}. {1} will read it, and you will hear the outcome here and by email.", Title(o), o.OrganisationName],
        localizer["Applications close on {0}. If there is no decision by then, we will tell you, and we will chase it.", Show(o.ClosesOn)],
        localizer["Your applications, and what you chose to share with each: {0}", Link(MyApplicationsPath)]));

    public OutgoingMail WaitingForApproval(ProgrammePerson to, OpportunityView o) => SiteCultures.In(to.Language, () => To(to,
        localizer["An opportunity is waiting for approval: {0}", Title(o)],
        localizer["{0} has sent an opportunity for the pool. Leaders see it only once a coordinator approves it.", o.OrganisationName],
        localizer["Review it here: {0}", Link("/opportunities/review")]));

    public OutgoingMail Reviewed(ProgrammePerson to, OpportunityView o, bool approved, string note) => SiteCultures.In(to.Language, () => To(to,
        approved ? localizer["Approved: {0}", o.Title] : localizer["Changes asked for: {0}", o.Title],
        approved ? localizer["{0} is now open to the pool of patient leaders. We will tell you as people apply.", o.Title]
            : localizer["A coordinator has asked for changes to {0} before it goes to the pool.", o.Title],
        note.Length > 0 ? localizer["A message from the coordinators:"] + "\n" + note : "",
        Link($"/opportunities/{o.Id}")));

    public OutgoingMail StrongMatch(ProgrammePerson to, OpportunityView o, OpportunityMatch match) => SiteCultures.In(to.Language, () => To(to,
        localizer["An opportunity that suits you: {0}", Title(o)],
        localizer["{0} is looking for a patient leader. Why it may suit you:", o.OrganisationName] + "\n" + Reasons(match),
        localizer["What difference your input will make:"] + "\n" + o.Difference,
        localizer["Applications close on {0}. Read more and apply: {1}", Show(o.ClosesOn), Link($"/opportunities/{o.Id}")],
        localizer["You get these emails because you are in the pool of patient leaders. Change what you get in your email settings: {0}", Link("/account/settings")]));

    public OutgoingMail Digest(ProgrammePerson to, IReadOnlyList<(OpportunityView Opportunity, OpportunityMatch Match)> items) => SiteCultures.In(to.Language, () => To(to,
        localizer.Plural(items.Count, "{0} new opportunities for the pool"),
        string.Join("\n\n", items.Select(i => $"{Title(i.Opportunity)}\n{Link($"/opportunities/{i.Opportunity.Id}")}"
            + (i.Match.Reasons.Count > 0 ? "\n" + Reasons(i.Match) : ""))),
        localizer["Every open opportunity: {0}", Link("/opportunities")],
        localizer["You get these emails because you are in the pool of patient leaders. Change what you get in your email settings: {0}", Link("/account/settings")]));

    public OutgoingMail NewApplicant(ProgrammePerson to, OpportunityView o) => SiteCultures.In(to.Language, () => To(to,
        localizer["Someone has applied for {0}", o.Title],
        localizer["A patient leader has applied for {0}. Applications close on {1}; please let every applicant know the outcome.", o.Title, Show(o.ClosesOn)],
        Link($"/opportunities/{o.Id}/applicants")));

    public OutgoingMail Selected(ProgrammePerson to, OpportunityView o) => SiteCultures.In(to.Language, () => To(to,
        localizer["You have been chosen for {0}", Title(o)],
        localizer["Good news: {0} would like you to take part in {1}.", o.OrganisationName, o.Title],
        localizer["Please confirm that you can do it: {0}", Link(MyApplicationsPath)]));

    public OutgoingMail NotChosen(ProgrammePerson to, OpportunityView o, string feedback) => SiteCultures.In(to.Language, () => To(to,
        localizer["About your application for {0}", Title(o)],
        localizer["Thank you for applying for {0}. {1} has chosen someone else this time. This is not a judgement of you, and your time and interest are valued.", o.Title, o.OrganisationName],
        feedback.Length > 0 ? localizer["Their feedback for you:"] + "\n" + feedback : "",
        localizer["Other opportunities are open now: {0}", Link("/opportunities")]));

    public OutgoingMail NoDecisionYet(ProgrammePerson to, OpportunityView o) => SiteCultures.In(to.Language, () => To(to,
        localizer["Still waiting: your application for {0}", Title(o)],
        localizer["Applications for {0} closed on {1}, and {2} has not decided yet. We are sorry you are waiting. We have asked them to decide, and we will tell you as soon as they do.", o.Title, Show(o.ClosesOn), o.OrganisationName],
        Link(MyApplicationsPath)));

    public OutgoingMail NoDecisionCoordinator(ProgrammePerson to, OpportunityView o) => SiteCultures.In(to.Language, () => To(to,
        localizer["No decision after closing: {0}", Title(o)],
        localizer["Applications for {0} closed on {1}, and applicants are still waiting for an answer. They have been told. Please contact {2}.", o.Title, Show(o.ClosesOn), o.OrganisationName],
        Link($"/opportunities/{o.Id}/applicants")));

    public OutgoingMail Confirmed(ProgrammePerson to, OpportunityView o, string leaderName) => SiteCultures.In(to.Language, () => To(to,
        localizer["{0} has confirmed for {1}", leaderName, o.Title],
        localizer["{0} has confirmed that they will take part in {1}. Their hours and expenses will come to you for approval.", leaderName, o.Title],
        Link($"/opportunities/{o.Id}/applicants")));

    public OutgoingMail ClaimQueried(ProgrammePerson to, string activity, string reason, long engagementId) => SiteCultures.In(to.Language, () => To(to,
        localizer["A question about your claim for {0}", activity],
        localizer["The organisation has a question about a claim you made for {0}:", activity] + "\n" + reason,
        localizer["You can take the claim back and send it again, corrected: {0}", Link($"/involvement/work/{engagementId}")]));

    public OutgoingMail ClaimsOverdue(ProgrammePerson to, string organisation, int count) => SiteCultures.In(to.Language, () => To(to,
        localizer["Claims waiting too long: {0}", organisation],
        localizer.Plural(count, "{0} claims for work with {1} have waited longer than the approval window.", organisation),
        localizer["Late payment is one of the things the pool was built to prevent. Please contact the organisation: {0}", Link("/involvement/overview")]));

    public OutgoingMail ImpactReminder(ProgrammePerson to, string leaderName, string title, long engagementId) => SiteCultures.In(to.Language, () => To(to,
        localizer["What changed? {0}", title],
        localizer["{0} has finished their work on {1}. Please tell them, and us, what difference it made, even if nothing has changed yet.", leaderName, title],
        localizer["It takes two minutes: {0}", Link($"/involvement/work/{engagementId}")]));

    public OutgoingMail StoryEdited(ProgrammePerson to, string title, long storyId) => SiteCultures.In(to.Language, () => To(to,
        localizer["Your story, ready for you to check: {0}", title],
        localizer["A coordinator has edited your story of change. Nothing is published until you approve the text, and you choose whether it carries your name."],
        localizer["Read it, approve it or withdraw it: {0}", Link($"/stories/{storyId}")]));

    private static string Show(DateTimeOffset date) => InvolvementDates.Show(date);
}
