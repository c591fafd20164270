using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Security;

namespace PatientLeaders.Community.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>HttpContext.Items key under which the rate limiter leaves the name of the policy that refused the request.</summary>
    public const string RateLimitPolicyItem = "RateLimitPolicy";

    public string Title { get; private set; } = "";

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public string? TraceId { get; private set; }

    // From the route only: a status page never reads the body of the request it explains (it may be the one too large).
    public IActionResult OnGet([FromRoute] int code) =>
        code == 404 && SignInFirst() is { } login ? Redirect(login) : Show(code, isForm: false);

    /// <summary>
    /// Parts of the site where a page may be hidden from visitors but open to members: a thread in a members' category,
    /// a profile, a cohort, a story not yet published. A visitor who follows such a link (from an email, say) is asked to
    /// sign in and then brought back, whether or not the page exists, so nothing is given away; signed in, a page they
    /// may not see is still "Page not found".
    /// </summary>
    public static readonly IReadOnlyList<string> MembersAreas = ["/forum", "/members", "/programmes", "/stories", "/organisations", "/notifications"];

    private string? SignInFirst()
    {
        if (User.Identity?.IsAuthenticated == true
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not { } original
            || !MembersAreas.Any(area => new PathString(original.OriginalPath).StartsWithSegments(area))
            || Path.HasExtension(original.OriginalPath))
        {
            return null;
        }
        var returnUrl = original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString;
        return "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
    }

    public IActionResult OnPost([FromRoute] int code) => Show(code, isForm: true);

    /// <summary>Only error statuses have a page of their own; any other number is an address that does not exist.</summary>
    private IActionResult Show(int code, bool isForm)
    {
        code = code is >= 400 and <= 599 ? code : 404;
        var l = localizer;
        (Title, Lines) = code switch
        {
            404 => (l["Page not found"], (IReadOnlyList<string>)[l["If you typed the web address, check it is correct."], l["If you followed a link, the page may have moved, or you may not have access to it."]]),
            403 => (l["You do not have access to this page"], [l["Ask an administrator if you think you should."]]),
            429 when HttpContext.Items[RateLimitPolicyItem] is Forum.ForumServices.UnsubscribeLimit => (l["Please wait a moment"],
                [l.Plural(RetryMinutes(), "Too many unsubscribe requests from your network just now. Please try the link again in {0} minutes; your email settings have not changed.")]),
            429 => (l["Please wait a moment"], [l.Plural(RetryMinutes(), "There have been too many attempts in a short time. Please try again in {0} minutes."),
                l["This protects your account. Nothing you typed has been kept, so you will need to enter it again."]]),
            400 when isForm => (l["Something went wrong with that request"], [l["The form may have expired. Go back, reload the page and try again."]]),
            400 => (l["Something went wrong with that request"], [l["Part of the web address could not be read. If you typed it, check it is correct; if you followed a link, go back and try again."]]),
            413 => (l["That was too much to send at once"], [l["The site accepts up to {0} KB in one go. Nothing was saved, and any draft you saved before is unchanged.", RequestLimits.MaxBodyKilobytes.ToString("N0", CultureInfo.CurrentCulture)],
                l["If you were writing a post, shorten it (posts can be up to 32,000 characters) and send it again."]]),
            < 500 => (l["Something went wrong with that request"], [l["Go back and try again. If it happens again, get help below."]]),
            _ => (l["Sorry, there is a problem with the service"], [l["Please try again later. Nothing has been lost that you saved before this."]]),
        };
        if (code >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
        Response.StatusCode = code;
        return Page();
    }

    /// <summary>Whole minutes until the limit lifts, from the Retry-After the limiter set; at least one.</summary>
    private long RetryMinutes()
    {
        var retry = HttpContext.Response.Headers.RetryAfter.ToString();
        return int.TryParse(retry, out var seconds) && seconds > 60 ? (seconds + 59) / 60 : 1;
    }
}
