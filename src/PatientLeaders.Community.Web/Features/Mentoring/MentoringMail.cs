using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// The words of every mentoring email, in plain language. Mails name people and link to the page; they never carry
/// goals, themes, notes, messages or feedback, so nothing private sits in an inbox or the outbox table.
/// </summary>
public sealed class MentoringMail(IOptions<AccountOptions> account, IOptions<MentoringOptions> mentoring)
{
    private string Link(string path) => account.Value.BaseUrl.TrimEnd('/') + path;

    private static OutgoingMail To(PersonRow person, string subject, string body) =>
        new(person.Email, person.DisplayName, subject, $"Hello {person.DisplayName},\n\n{body.Trim()}\n\nPatient Leaders Community", person.Id);

    public OutgoingMail RequestToMentor(PersonRow mentor, string menteeName, long requestId, bool fromCoordinator) => To(mentor,
        $"{menteeName} would like you to be their mentor",
        $"""
        {(fromCoordinator ? $"A mentoring coordinator has suggested you as a mentor for {menteeName}." : $"{menteeName} has asked you to be their mentor.")}

        You can read what they are hoping for, and why you were suggested, here:
        {Link($"/mentoring/requests/{requestId}")}

        Please answer within {mentoring.Value.HandOnDays} days. You can accept, say no with a kind message, or say you are not taking mentees at the moment. If we do not hear from you, we will pass the request on so that nobody is left waiting.
        """);

    public OutgoingMail Reminder(PersonRow mentor, string menteeName, long requestId, int daysLeft) => To(mentor,
        $"Reminder: {menteeName} is waiting to hear from you",
        $"""
        {menteeName} asked you to be their mentor and is waiting for your answer.

        Please accept or say no here:
        {Link($"/mentoring/requests/{requestId}")}

        If we do not hear from you in {Days(daysLeft)}, we will pass the request on to someone else. That is fine: you do not need to explain.
        """);

    public OutgoingMail PassedOnToMentor(PersonRow mentor, string menteeName) => To(mentor,
        $"We have passed {menteeName}'s request on",
        $"""
        We did not hear from you about {menteeName}'s mentoring request, so we have passed it on. You do not need to do anything.

        If you are not able to take on mentees at the moment, you can say so at any time here:
        {Link("/mentoring/offer")}
        """);

    public OutgoingMail NoLongerNeeded(PersonRow mentor, string menteeName) => To(mentor,
        $"{menteeName}'s request is no longer waiting for you",
        $"""
        {menteeName}'s mentoring request has been settled, so it is no longer waiting for your answer. Thank you for being available.

        You do not need to do anything.
        """);

    public OutgoingMail Accepted(PersonRow mentee, string mentorName, long relationshipId) => To(mentee,
        $"{mentorName} will be your mentor",
        $"""
        Good news: {mentorName} has agreed to be your mentor.

        Your shared mentoring page is here. Only the two of you can see it. You can send messages, agree goals and keep a log of your sessions:
        {Link($"/mentoring/{relationshipId}")}

        A good first step is to agree when and how to talk. Telephone is fine.
        """);

    public OutgoingMail Declined(PersonRow mentee, string mentorName, string? message, HandOn next, long requestId) => To(mentee,
        $"{mentorName} is not able to mentor you at the moment",
        $"""
        {mentorName} is not able to take on your mentoring request at the moment. This is about their time, not about you.
        {(string.IsNullOrWhiteSpace(message) ? "" : $"\nTheir message to you:\n{message.Trim()}\n")}
        {WhatNext(next)}

        You can see where your request is at any time here:
        {Link($"/mentoring/requests/{requestId}")}
        """);

    public OutgoingMail TimedOut(PersonRow mentee, string mentorName, HandOn next, long requestId) => To(mentee,
        "An update on your mentoring request",
        $"""
        We have not heard back from {mentorName}, so we have moved your request on rather than keep you waiting.

        {WhatNext(next)}

        You can see where your request is at any time here:
        {Link($"/mentoring/requests/{requestId}")}
        """);

    public OutgoingMail WithCoordinators(PersonRow mentee, long requestId) => To(mentee,
        "A coordinator will help find your mentor",
        $"""
        Your mentoring request is now with our mentoring coordinators. They will be in touch within {Days(mentoring.Value.CoordinatorReplyDays)} to help find the right mentor.

        You can see where your request is at any time here:
        {Link($"/mentoring/requests/{requestId}")}
        """);

    public OutgoingMail CoordinatorSuggested(PersonRow mentee, string mentorName, long requestId) => To(mentee,
        $"We have asked {mentorName} to be your mentor",
        $"""
        A mentoring coordinator has asked {mentorName} to be your mentor. We will tell you as soon as they answer.

        You can see where your request is at any time here:
        {Link($"/mentoring/requests/{requestId}")}
        """);

    public OutgoingMail RequestNeedsCoordinator(PersonRow coordinator, string menteeName) => To(coordinator,
        "A mentoring request needs a coordinator",
        $"""
        {menteeName}'s mentoring request is now in the coordinators' queue. Please find them a mentor within {Days(mentoring.Value.CoordinatorReplyDays)}.

        The queue is here:
        {Link("/mentoring/coordinate")}
        """);

    public OutgoingMail RequestClosed(PersonRow mentee, long requestId) => To(mentee,
        "About your mentoring request",
        $"""
        A mentoring coordinator has closed your mentoring request and left you a message. You can read it here:
        {Link($"/mentoring/requests/{requestId}")}

        You are welcome to ask for mentoring again at any time.
        """);

    public OutgoingMail AccreditationExpiring(PersonRow coordinator, string mentorName, string kind, long mentorId, DateTimeOffset expiresOn) => To(coordinator,
        $"{mentorName}'s {kind.ToLowerInvariant()} accreditation expires on {MentoringDates.Show(expiresOn)}",
        $"""
        {mentorName}'s {kind.ToLowerInvariant()} accreditation expires on {MentoringDates.Show(expiresOn)}. After that they will not be suggested to mentees until it is renewed.

        You can record a renewal here:
        {Link($"/mentoring/coordinate/mentors/{mentorId}")}
        """);

    public OutgoingMail FitCheck(PersonRow person, string otherName, long relationshipId) => To(person,
        $"How is mentoring with {otherName} going?",
        $"""
        You have logged your first session with {otherName}. We ask everyone after the first session: does this match feel right for you?

        Your answer is private. {otherName} will not see it. If it does not feel right, a coordinator can help kindly, and nobody is to blame.

        Answer here:
        {Link($"/mentoring/{relationshipId}#fit-check")}
        """);

    public OutgoingMail FitConcern(PersonRow coordinator) => To(coordinator,
        "A mentoring pair may need your help",
        $"""
        Someone has told us after their first session that their mentoring match may not be a good fit.

        You can see which pair on your dashboard, and offer a new match if that would help:
        {Link("/mentoring/coordinate")}
        """);

    public OutgoingMail ClosingSession(PersonRow person, string otherName, DateTimeOffset endOn, long relationshipId) => To(person,
        $"Planning your closing session with {otherName}",
        $"""
        You agreed to finish your mentoring with {otherName} on {MentoringDates.Show(endOn)}.

        We suggest planning a closing session: look back at your goals, what has changed, and what comes next. Ending well matters as much as starting well.

        Your mentoring page is here:
        {Link($"/mentoring/{relationshipId}")}
        """);

    public OutgoingMail Ended(PersonRow person, string otherName, string status, long relationshipId) => To(person,
        status == RelationshipStatus.Completed ? $"Your mentoring with {otherName} is complete" : $"Your mentoring with {otherName} has ended",
        $"""
        {(status == RelationshipStatus.Completed ? $"Your mentoring with {otherName} is marked as complete. Thank you for the time you have both given." : $"Your mentoring with {otherName} has ended. Endings happen for many reasons, and the time you spent still counts.")}

        If you have not already, you can tell the coordinators briefly how it went. Only they will read it:
        {Link($"/mentoring/{relationshipId}/end")}

        When you are ready, you can ask for a new mentor at any time: {Link("/mentoring/request")}
        """);

    public OutgoingMail EndedForCoordinator(PersonRow coordinator, string mentorName, string menteeName, string status) => To(coordinator,
        $"Mentoring {(status == RelationshipStatus.Completed ? "completed" : "ended early")}: {mentorName} and {menteeName}",
        $"""
        The mentoring between {mentorName} (mentor) and {menteeName} has {(status == RelationshipStatus.Completed ? "been completed" : "ended early")}.

        Any feedback they give you will appear on your dashboard:
        {Link("/mentoring/coordinate")}
        """);

    public OutgoingMail NewMatchOffered(PersonRow mentee, string mentorName) => To(mentee,
        "Would you like a new mentor?",
        $"""
        Thank you for telling us how mentoring with {mentorName} felt. Not every match works, and that is nobody's fault. We have closed this mentoring so that you are both free.

        If you would like a new mentor, your earlier answers are already filled in here. Change anything you like:
        {Link("/mentoring/request")}
        """);

    public OutgoingMail MatchClosedForMentor(PersonRow mentor, string menteeName) => To(mentor,
        $"Your mentoring with {menteeName} has been closed",
        $"""
        A coordinator has closed your mentoring with {menteeName} after the first-session check, and will help them find another match. Not every match works, and that is nobody's fault. Thank you for the time you gave.

        Your place is free again for someone new.
        """);

    private string WhatNext(HandOn next) => next.Status switch
    {
        RequestStatus.Waiting when next.NextMentorName is not null => $"What happens next: we have now asked {next.NextMentorName}, your next choice.",
        RequestStatus.Waiting => "What happens next: your request is still with the other mentors you chose.",
        _ => $"What happens next: your request is now with our mentoring coordinators, who will be in touch within {Days(mentoring.Value.CoordinatorReplyDays)}.",
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
