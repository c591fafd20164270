using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Plain words for where a request is and who acts next, shown to the mentee wherever the request appears.
/// <see cref="Label"/> and <see cref="ChoiceLabel"/> give resource keys (the English words): a page shows them with T[…].
/// </summary>
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

    /// <summary>What happens next, in the reader's language, with its dates as &lt;time&gt; elements.</summary>
    public static IHtmlContent WhatNext(MentoringRequest request, MentoringOptions options, IStringLocalizer localizer)
    {
        var pending = request.Choices.Where(c => c.Status == ChoiceStatus.Pending).ToList();
        return request.Status switch
        {
            RequestStatus.Choosing => localizer.Html("Look at the suggested mentors below and choose who to ask. Or ask a coordinator to choose for you."),
            RequestStatus.Waiting when pending.Count > 0 => Waiting(request, pending, options, localizer),
            RequestStatus.WithCoordinators => PluralHtml(localizer, options.CoordinatorReplyDays,
                "A mentoring coordinator will find you a mentor and be in touch within {0} days of {1}.", MentoringDay.Time(request.UpdatedAt)),
            RequestStatus.Matched => localizer.Html("You have a mentor. Your shared page is listed under your mentoring."),
            RequestStatus.Closed => localizer.Html("A mentoring coordinator has closed this request; their message to you is below. You can make a new request at any time."),
            _ => localizer.Html("This request is closed. You can make a new one at any time."),
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

    /// <summary>
    /// A sentence about a number (the plural resource "key|one", "key|other"…, as T.Plural chooses it) whose other
    /// blanks may hold markup: {0} is the number in the culture's digits, {1} onwards the arguments.
    /// </summary>
    public static IHtmlContent PluralHtml(IStringLocalizer localizer, long count, string key, params object[] more)
    {
        var arguments = new List<object> { count.ToString("N0", CultureInfo.CurrentCulture) };
        arguments.AddRange(more);
        return localizer.Html(key + "|" + Plurals.Category(CultureInfo.CurrentUICulture, count), arguments.ToArray());
    }

    /// <summary>
    /// "Since 6 December 2025" at the start of a line: the site's "since {0}" with its first letter made a capital
    /// (a key may not differ from another only by case), the day as a &lt;time&gt; element.
    /// </summary>
    public static IHtmlContent Since(IStringLocalizer localizer, DateTimeOffset day)
    {
        var text = localizer["since {0}"].Value;
        var capitalised = text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, HtmlEncoder.Default.Encode(capitalised), MentoringDay.TimeMarkup(day)));
    }

    /// <summary>
    /// Who has been asked and when the request moves on: one sentence for one mentor, another for several ("{1} and
    /// {3}"), so that each language words the list inside its own sentence.
    /// </summary>
    private static IHtmlContent Waiting(MentoringRequest request, IReadOnlyList<RequestChoice> pending, MentoringOptions options, IStringLocalizer localizer)
    {
        var toNextChoice = request.Choices.Any(c => c.Status == ChoiceStatus.Queued);
        var passedOnBy = MentoringDay.Time(pending.Min(p => p.SentAt!.Value).AddDays(options.HandOnDays));
        if (pending.Count == 1)
        {
            return PluralHtml(localizer, options.HandOnDays, toNextChoice
                    ? "We have asked {1}. Mentors answer within {0} days; if not, we pass your request on by {2} to your next choice."
                    : "We have asked {1}. Mentors answer within {0} days; if not, we pass your request on by {2} to the mentoring coordinators.",
                pending[0].MentorName, passedOnBy);
        }
        var allButLast = string.Join(", ", pending.Take(pending.Count - 1).Select(c => c.MentorName));
        return PluralHtml(localizer, options.HandOnDays, toNextChoice
                ? "We have asked {1} and {3}. Mentors answer within {0} days; if not, we pass your request on by {2} to your next choice."
                : "We have asked {1} and {3}. Mentors answer within {0} days; if not, we pass your request on by {2} to the mentoring coordinators.",
            allButLast, passedOnBy, pending[^1].MentorName);
    }
}

/// <summary>
/// Mentoring's calendar days (stored as midnight UTC) on its pages: the day itself in the reader's language, never
/// moved by a time zone, in a &lt;time&gt; element. British English reads "6 December 2025", as MentoringDates.Show.
/// </summary>
public static class MentoringDay
{
    public static string Show(DateTimeOffset day)
    {
        var culture = CultureInfo.CurrentCulture;
        var pattern = culture.TwoLetterISOLanguageName == "es" ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy";
        return day.UtcDateTime.ToString(pattern, culture);
    }

    public static IHtmlContent Time(DateTimeOffset day) => new HtmlString(TimeMarkup(day));

    public static string TimeMarkup(DateTimeOffset day)
    {
        var iso = day.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"<time datetime=\"{iso}\">{HtmlEncoder.Default.Encode(Show(day))}</time>";
    }
}
