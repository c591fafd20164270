using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>
/// Calendar days in the pool (closing dates, days worked, dates paid), stored as midnight UTC: shown as the day
/// itself in the reader's language, never moved by a time zone. On a page they are a &lt;time&gt; element.
/// </summary>
public static class InvolvementDates
{
    public static string Show(DateTimeOffset day) => day.UtcDateTime.ToString("D", CultureInfo.CurrentCulture);

    public static IHtmlContent Time(DateTimeOffset day) => new HtmlString(
        $"<time datetime=\"{day.UtcDateTime:yyyy-MM-dd}\">{HtmlEncoder.Default.Encode(Show(day))}</time>");
}
