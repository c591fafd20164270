namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>Plain words for where a request is and who acts next, shown to the mentee wherever the request appears.</summary>
public static class RequestStatusText
{
    public static string Label(string status) => status switch
    {
        RequestStatus.Choosing => "Choose your mentor",
        RequestStatus.Waiting => "Waiting for a mentor to answer",
        RequestStatus.WithCoordinators => "With the mentoring coordinators",
        RequestStatus.Matched => "Matched",
        RequestStatus.Withdrawn => "Withdrawn",
        RequestStatus.Closed => "Closed by the coordinators",
        _ => status,
    };

    public static string WhatNext(MentoringRequest request, MentoringOptions options)
    {
        var pending = request.Choices.Where(c => c.Status == ChoiceStatus.Pending).ToList();
        return request.Status switch
        {
            RequestStatus.Choosing => "Look at the suggested mentors below and choose who to ask. Or ask a coordinator to choose for you.",
            RequestStatus.Waiting when pending.Count > 0 =>
                $"We have asked {Names(pending)}. Mentors answer within {options.HandOnDays} days; if not, we pass your request on by "
                + $"{MentoringDates.Show(pending.Min(p => p.SentAt!.Value).AddDays(options.HandOnDays))}"
                + (request.Choices.Any(c => c.Status == ChoiceStatus.Queued) ? " to your next choice." : " to the mentoring coordinators."),
            RequestStatus.WithCoordinators => $"A mentoring coordinator will find you a mentor and be in touch within {options.CoordinatorReplyDays} days of {MentoringDates.Show(request.UpdatedAt)}.",
            RequestStatus.Matched => "You have a mentor. Your shared page is listed under your mentoring.",
            RequestStatus.Closed => "A mentoring coordinator has closed this request; their message to you is below. You can make a new request at any time.",
            _ => "This request is closed. You can make a new one at any time.",
        };
    }

    public static string ChoiceLabel(string status) => status switch
    {
        ChoiceStatus.Queued => "Next in line",
        ChoiceStatus.Pending => "Asked, waiting for an answer",
        ChoiceStatus.Accepted => "Accepted",
        ChoiceStatus.Declined => "Not able to at the moment",
        ChoiceStatus.TimedOut => "Did not answer in time",
        ChoiceStatus.Withdrawn => "No longer asked",
        _ => status,
    };

    private static string Names(IReadOnlyList<RequestChoice> choices) =>
        choices.Count == 1 ? choices[0].MentorName : string.Join(", ", choices.Take(choices.Count - 1).Select(c => c.MentorName)) + " and " + choices[^1].MentorName;
}
