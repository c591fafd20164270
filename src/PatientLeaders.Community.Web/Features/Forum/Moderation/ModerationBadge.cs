using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>
/// The header's "Moderation" link for moderators, with the number of open reports and, apart, the urgent ones, so
/// that nobody finds a report of a member at risk by chance hours later. The counts are words as well as a badge.
/// </summary>
public sealed class ModerationBadge(ModerationStore moderation, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IHtmlContent> RenderAsync(CancellationToken ct)
    {
        var (open, urgent) = await moderation.OpenCountsAsync(ct);
        var label = HtmlEncoder.Default.Encode(localizer["Moderation"]);
        if (open == 0)
        {
            return new HtmlString($"""<a href="/forum/moderation" id="moderation-badge">{label}</a>""");
        }
        var reports = HtmlEncoder.Default.Encode(localizer.Plural(open, "{0} open reports"));
        var urgentText = urgent == 0 ? "" :
            $"""<span class="visually-hidden">,</span> <span class="badge badge-urgent">{HtmlEncoder.Default.Encode(localizer.Plural(urgent, "{0} urgent"))}</span>""";
        return new HtmlString($"""<a href="/forum/moderation" id="moderation-badge">{label}<span class="visually-hidden">,</span> <span class="badge"><span aria-hidden="true">{open.ToString(CultureInfo.CurrentCulture)}</span><span class="visually-hidden">{reports}</span></span>{urgentText}</a>""");
    }
}
