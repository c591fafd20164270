using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum.Email;

/// <summary>
/// One-click unsubscribe (RFC 8058) from forum mail, without signing in. GET only shows a confirmation with a button:
/// mail scanners follow links, so a GET never changes anything. POST with the body <c>List-Unsubscribe=One-Click</c>
/// (from the mail client, or from this page's button) unsubscribes at once. It is the one endpoint without antiforgery:
/// a mail client has no token to send, and the sealed token in the address is the authority. A bad token answers 404.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(ForumServices.UnsubscribeLimit)]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, MemberStore members) : PageModel
{
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";

    /// <summary>Which list the token is for (<see cref="MailingLists"/>): the page names it in whole sentences.</summary>
    public string ListId { get; private set; } = MailingLists.Immediate;

    public bool IsDigest => ListId == MailingLists.Digest;

    /// <summary>The list's setting, as the settings page names it (a resource key, shown in the reader's language).</summary>
    public string SettingName => MailingLists.SettingName(ListId);

    public bool AlreadyOff { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } found || await members.EmailPreferencesAsync(found.MemberId, ct) is not { } preferences)
        {
            return NotFound();
        }
        ListId = found.List;
        AlreadyOff = !MailingLists.IsOn(found.List, preferences);
        return Page();
    }

    /// <summary>Answers with the result page itself rather than a redirect: a mail client's POST carries no cookies to keep a message in.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] string token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } found || await members.EmailPreferencesAsync(found.MemberId, ct) is null)
        {
            return NotFound();
        }
        if (!Request.HasFormContentType || Request.Form[OneClickField] != OneClickValue)
        {
            return BadRequest();
        }
        // Only this list's setting: unsubscribing from the digest leaves mail at once on, and the other way round.
        if (found.List == MailingLists.Digest)
        {
            await members.StopDigestAsync(found.MemberId, ct);
        }
        else
        {
            await members.StopImmediateEmailAsync(found.MemberId, ct);
        }
        ListId = found.List;
        Done = true;
        return Page();
    }
}
