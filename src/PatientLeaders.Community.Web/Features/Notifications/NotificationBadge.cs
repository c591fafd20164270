using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Web.Features.Notifications;

/// <summary>
/// The header's "Notifications" link with the unread count: one indexed COUNT per signed-in page. Plain markup
/// rather than a view component, whose lookup and view context cost as much as the count on every page.
/// </summary>
public sealed class NotificationBadge(NotificationStore notifications, ForumAccess access, CategoryStore categories, IStringLocalizer<SharedResource> localizer)
{
    public async Task<IHtmlContent> RenderAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = ForumViewer.From(user);
        if (viewer.MemberId is not { } id)
        {
            return Link(0);
        }
        var visible = await access.VisibleCategoriesAsync(viewer, ct);
        var seesEverything = visible.Count == (await categories.AllAsync(ct)).Count;
        return Link(await notifications.UnreadCountAsync(id, seesEverything ? null : visible.Select(c => c.Id).ToList(), ct));
    }

    // The count is in the text ("Notifications, 3 unread"), not only in the badge's colour; live.js swaps this link
    // when a notification arrives. The words are the reader's language, encoded for the markup.
    private HtmlString Link(int unread)
    {
        var label = HtmlEncoder.Default.Encode(localizer["Notifications"]);
        return new(unread switch
        {
            >= NotificationStore.UnreadCountCap => $"""<a href="/notifications" id="notification-badge">{label}<span class="visually-hidden">,</span> <span class="badge"><span aria-hidden="true">99+</span><span class="visually-hidden">{HtmlEncoder.Default.Encode(localizer["more than 99 unread"])}</span></span></a>""",
            > 0 => $"""<a href="/notifications" id="notification-badge">{label}<span class="visually-hidden">,</span> <span class="badge">{unread.ToString(CultureInfo.CurrentCulture)}<span class="visually-hidden"> {HtmlEncoder.Default.Encode(localizer["unread, after a number"])}</span></span></a>""",
            _ => $"""<a href="/notifications" id="notification-badge">{label}</a>""",
        });
    }
}
