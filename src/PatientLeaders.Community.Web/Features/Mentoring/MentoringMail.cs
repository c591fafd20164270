using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>Someone a mentoring email goes to, read inside the transaction that causes it.</summary>
public sealed record MentoringRecipient
{
    public long Id { get; init; }

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string Handle { get; init; } = "";

    /// <summary>Their saved language: mail is written in it, whatever the language of the request or job that sends it.</summary>
    public string? Language { get; init; }
}

/// <summary>
/// The words of every mentoring email, in plain language and in the recipient's own language. Mails name people and
/// link to the page; they never carry goals, themes, notes, messages or feedback, so nothing private sits in an inbox
/// or the outbox table.
/// </summary>
public sealed class MentoringMail(IOptions<AccountOptions> account, IOptions<MentoringOptions> mentoring, IStringLocalizer<SharedResource> localizer)
{
    private string Link(string path) => account.Value.BaseUrl.TrimEnd('/') + path;

    private string L(string key, params object[] arguments) => localizer[key, arguments].Value;

    /// <summary>A sentence followed, on its own line, by the link it points to.</summary>
    private string Then(string key, string path) => L(key) + "\n" + Link(path);

    /// <summary>The greeting, the paragraphs (empty ones left out) and the sign-off, in the language current when called.</summary>
    private OutgoingMail To(MentoringRecipient person, string subject, params string[] paragraphs) => new(
        person.Email, person.DisplayName, subject,
        string.Join("\n\n", [L("Hello {0},", person.DisplayName), .. paragraphs.Where(p => p.Length > 0), L("Patient Leaders Community")]),
        person.Id);

    private string SeeYourRequest(long requestId) => Then("You can see where your request is at any time here:", $"/mentoring/requests/{requestId}");

    public OutgoingMail RequestToMentor(MentoringRecipient mentor, string menteeName, long requestId, bool fromCoordinator) => SiteCultures.In(mentor.Language, () => To(mentor,
        L("{0} would like you to be their mentor", menteeName),
        fromCoordinator ? L("A mentoring coordinator has suggested you as a mentor for {0}.", menteeName) : L("{0} has asked you to be their mentor.", menteeName),
        Then("You can read what they are hoping for, and why you were suggested, here:", $"/mentoring/requests/{requestId}"),
        localizer.Plural(mentoring.Value.HandOnDays, "Please answer within {0} days.") + " "
            + L("You can accept, say no with a kind message, or say you are not taking mentees at the moment. If we do not hear from you, we will pass the request on so that nobody is left waiting.")));

    public OutgoingMail Reminder(MentoringRecipient mentor, string menteeName, long requestId, int daysLeft) => SiteCultures.In(mentor.Language, () => To(mentor,
        L("Reminder: {0} is waiting to hear from you", menteeName),
        L("{0} asked you to be their mentor and is waiting for your answer.", menteeName),
        Then("Please accept or say no here:", $"/mentoring/requests/{requestId}"),
        localizer.Plural(daysLeft, "If we do not hear from you in {0} days, we will pass the request on to someone else.") + " "
            + L("That is fine: you do not need to explain.")));

    public OutgoingMail PassedOnToMentor(MentoringRecipient mentor, string menteeName) => SiteCultures.In(mentor.Language, () => To(mentor,
        L("We have passed {0}'s request on", menteeName),
        L("We did not hear from you about {0}'s mentoring request, so we have passed it on. You do not need to do anything.", menteeName),
        Then("If you are not able to take on mentees at the moment, you can say so at any time here:", "/mentoring/offer")));

    public OutgoingMail NoLongerNeeded(MentoringRecipient mentor, string menteeName) => SiteCultures.In(mentor.Language, () => To(mentor,
        L("{0}'s request is no longer waiting for you", menteeName),
        L("{0}'s mentoring request has been settled, so it is no longer waiting for your answer. Thank you for being available.", menteeName),
        L("You do not need to do anything.")));

    public OutgoingMail Accepted(MentoringRecipient mentee, string mentorName, long relationshipId) => SiteCultures.In(mentee.Language, () => To(mentee,
        L("{0} will be your mentor", mentorName),
        L("Good news: {0} has agreed to be your mentor.", mentorName),
        Then("Your shared mentoring page is here. Only the two of you can see it. You can send messages, agree goals and keep a log of your sessions:", $"/mentoring/{relationshipId}"),
        L("A good first step is to agree when and how to talk. Telephone is fine.")));

    public OutgoingMail Declined(MentoringRecipient mentee, string mentorName, string? message, HandOn next, long requestId) => SiteCultures.In(mentee.Language, () => To(mentee,
        L("{0} is not able to mentor you at the moment", mentorName),
        L("{0} is not able to take on your mentoring request at the moment. This is about their time, not about you.", mentorName),
        string.IsNullOrWhiteSpace(message) ? "" : L("Their message to you:") + "\n" + message.Trim(),
        WhatNext(next),
        SeeYourRequest(requestId)));

    public OutgoingMail TimedOut(MentoringRecipient mentee, string mentorName, HandOn next, long requestId) => SiteCultures.In(mentee.Language, () => To(mentee,
        L("An update on your mentoring request"),
        L("We have not heard back from {0}, so we have moved your request on rather than keep you waiting.", mentorName),
        WhatNext(next),
        SeeYourRequest(requestId)));

    public OutgoingMail WithCoordinators(MentoringRecipient mentee, long requestId) => SiteCultures.In(mentee.Language, () => To(mentee,
        L("A coordinator will help find your mentor"),
        localizer.Plural(mentoring.Value.CoordinatorReplyDays,
            "Your mentoring request is now with our mentoring coordinators. They will be in touch within {0} days to help find the right mentor."),
        SeeYourRequest(requestId)));

    public OutgoingMail CoordinatorSuggested(MentoringRecipient mentee, string mentorName, long requestId) => SiteCultures.In(mentee.Language, () => To(mentee,
        L("We have asked {0} to be your mentor", mentorName),
        L("A mentoring coordinator has asked {0} to be your mentor. We will tell you as soon as they answer.", mentorName),
        SeeYourRequest(requestId)));

    public OutgoingMail RequestNeedsCoordinator(MentoringRecipient coordinator, string menteeName) => SiteCultures.In(coordinator.Language, () => To(coordinator,
        L("A mentoring request needs a coordinator"),
        localizer.Plural(mentoring.Value.CoordinatorReplyDays,
            "{1}'s mentoring request is now in the coordinators' queue. Please find them a mentor within {0} days.", menteeName),
        Then("The queue is here:", "/mentoring/coordinate")));

    public OutgoingMail RequestClosed(MentoringRecipient mentee, long requestId) => SiteCultures.In(mentee.Language, () => To(mentee,
        L("About your mentoring request"),
        Then("A mentoring coordinator has closed your mentoring request and left you a message. You can read it here:", $"/mentoring/requests/{requestId}"),
        L("You are welcome to ask for mentoring again at any time.")));

    /// <param name="kind">The accreditation's kind (its code, which is also its English label).</param>
    public OutgoingMail AccreditationExpiring(MentoringRecipient coordinator, string mentorName, string kind, long mentorId, DateTimeOffset expiresOn) =>
        SiteCultures.In(coordinator.Language, () =>
        {
            var on = MentoringDay.Show(expiresOn);
            var expires = kind switch
            {
                "Coach" => L("{0}'s coach accreditation expires on {1}", mentorName, on),
                "Facilitator" => L("{0}'s facilitator accreditation expires on {1}", mentorName, on),
                _ => L("{0}'s mentor accreditation expires on {1}", mentorName, on),
            };
            return To(coordinator, expires,
                expires + ". " + L("After that they will not be suggested to mentees until it is renewed."),
                Then("You can record a renewal here:", $"/mentoring/coordinate/mentors/{mentorId}"));
        });

    public OutgoingMail FitCheck(MentoringRecipient person, string otherName, long relationshipId) => SiteCultures.In(person.Language, () => To(person,
        L("How is mentoring with {0} going?", otherName),
        L("You have logged your first session with {0}. We ask everyone after the first session: does this match feel right for you?", otherName),
        L("Your answer is private. {0} will not see it. If it does not feel right, a coordinator can help kindly, and nobody is to blame.", otherName),
        Then("Answer here:", $"/mentoring/{relationshipId}#fit-check")));

    public OutgoingMail FitConcern(MentoringRecipient coordinator) => SiteCultures.In(coordinator.Language, () => To(coordinator,
        L("A mentoring pair may need your help"),
        L("Someone has told us after their first session that their mentoring match may not be a good fit."),
        Then("You can see which pair on your dashboard, and offer a new match if that would help:", "/mentoring/coordinate")));

    public OutgoingMail ClosingSession(MentoringRecipient person, string otherName, DateTimeOffset endOn, long relationshipId) => SiteCultures.In(person.Language, () => To(person,
        L("Planning your closing session with {0}", otherName),
        L("You agreed to finish your mentoring with {0} on {1}.", otherName, MentoringDay.Show(endOn)),
        L("We suggest planning a closing session: look back at your goals, what has changed, and what comes next. Ending well matters as much as starting well."),
        Then("Your mentoring page is here:", $"/mentoring/{relationshipId}")));

    public OutgoingMail Ended(MentoringRecipient person, string otherName, string status, long relationshipId) => SiteCultures.In(person.Language, () =>
    {
        var completed = status == RelationshipStatus.Completed;
        return To(person,
            completed ? L("Your mentoring with {0} is complete", otherName) : L("Your mentoring with {0} has ended", otherName),
            completed ? L("Your mentoring with {0} is marked as complete. Thank you for the time you have both given.", otherName)
                : L("Your mentoring with {0} has ended. Endings happen for many reasons, and the time you spent still counts.", otherName),
            Then("If you have not already, you can tell the coordinators briefly how it went. Only they will read it:", $"/mentoring/{relationshipId}/end"),
            L("When you are ready, you can ask for a new mentor at any time: {0}", Link("/mentoring/request")));
    });

    public OutgoingMail EndedForCoordinator(MentoringRecipient coordinator, string mentorName, string menteeName, string status) => SiteCultures.In(coordinator.Language, () =>
    {
        var completed = status == RelationshipStatus.Completed;
        return To(coordinator,
            completed ? L("Mentoring completed: {0} and {1}", mentorName, menteeName) : L("Mentoring ended early: {0} and {1}", mentorName, menteeName),
            completed ? L("The mentoring between {0} (mentor) and {1} has been completed.", mentorName, menteeName)
                : L("The mentoring between {0} (mentor) and {1} has ended early.", mentorName, menteeName),
            Then("Any feedback they give you will appear on your dashboard:", "/mentoring/coordinate"));
    });

    public OutgoingMail NewMatchOffered(MentoringRecipient mentee, string mentorName) => SiteCultures.In(mentee.Language, () => To(mentee,
        L("Would you like a new mentor?"),
        L("Thank you for telling us how mentoring with {0} felt. Not every match works, and that is nobody's fault. We have closed this mentoring so that you are both free.", mentorName),
        Then("If you would like a new mentor, your earlier answers are already filled in here. Change anything you like:", "/mentoring/request")));

    public OutgoingMail MatchClosedForMentor(MentoringRecipient mentor, string menteeName) => SiteCultures.In(mentor.Language, () => To(mentor,
        L("Your mentoring with {0} has been closed", menteeName),
        L("A coordinator has closed your mentoring with {0} after the first-session check, and will help them find another match. Not every match works, and that is nobody's fault. Thank you for the time you gave.", menteeName),
        L("Your place is free again for someone new.")));

    private string WhatNext(HandOn next) => next.Status switch
    {
        RequestStatus.Waiting when next.NextMentorName is not null => L("What happens next: we have now asked {0}, your next choice.", next.NextMentorName),
        RequestStatus.Waiting => L("What happens next: your request is still with the other mentors you chose."),
        _ => localizer.Plural(mentoring.Value.CoordinatorReplyDays,
            "What happens next: your request is now with our mentoring coordinators, who will be in touch within {0} days."),
    };
}
