using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>The header's "Messages" link with the number of conversations holding something unread, in words as well.</summary>
public sealed class MessagesBadge(MessageStore messages, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IHtmlContent> RenderAsync(long memberId, CancellationToken ct)
    {
        var unread = await messages.UnreadConversationsAsync(memberId, ct);
        var label = HtmlEncoder.Default.Encode(localizer["Messages"]);
        return new HtmlString(unread == 0
            ? $"""<a href="/messages" id="messages-badge">{label}</a>"""
            : $"""<a href="/messages" id="messages-badge">{label}<span class="visually-hidden">,</span> <span class="badge"><span aria-hidden="true">{unread.ToString(CultureInfo.CurrentCulture)}</span><span class="visually-hidden">{HtmlEncoder.Default.Encode(localizer.Plural(unread, "{0} conversations with unread messages"))}</span></span></a>""");
    }
}
