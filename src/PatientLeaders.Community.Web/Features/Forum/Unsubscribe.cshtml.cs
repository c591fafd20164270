using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum;

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

    public string ListDescription { get; private set; } = "";

    public bool AlreadyOff { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } found || await members.EmailFrequencyAsync(found.MemberId, ct) is not { } frequency)
        {
            return NotFound();
        }
        ListDescription = MailingLists.Describe(found.List);
        AlreadyOff = !MailingLists.Frequencies(found.List).Contains(frequency);
        return Page();
    }

    /// <summary>Answers with the result page itself rather than a redirect: a mail client's POST carries no cookies to keep a message in.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] string token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } found || await members.EmailFrequencyAsync(found.MemberId, ct) is null)
        {
            return NotFound();
        }
        if (!Request.HasFormContentType || Request.Form[OneClickField] != OneClickValue)
        {
            return BadRequest();
        }
        await members.StopEmailAsync(found.MemberId, MailingLists.Frequencies(found.List), ct);
        ListDescription = MailingLists.Describe(found.List);
        Done = true;
        return Page();
    }
}
