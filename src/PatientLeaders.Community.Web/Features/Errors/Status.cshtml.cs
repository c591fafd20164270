using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Infrastructure.Security;

namespace PatientLeaders.Community.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>HttpContext.Items key under which the rate limiter leaves the name of the policy that refused the request.</summary>
    public const string RateLimitPolicyItem = "RateLimitPolicy";

    public string Title { get; private set; } = "";

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public string? TraceId { get; private set; }

    // From the route only: a status page never reads the body of the request it explains (it may be the one too large).
    public IActionResult OnGet([FromRoute] int code) => Show(code, isForm: false);

    public IActionResult OnPost([FromRoute] int code) => Show(code, isForm: true);

    /// <summary>Only error statuses have a page of their own; any other number is an address that does not exist.</summary>
    private IActionResult Show(int code, bool isForm)
    {
        code = code is >= 400 and <= 599 ? code : 404;
        (Title, Lines) = code switch
        {
            404 => ("Page not found", (IReadOnlyList<string>)["If you typed the web address, check it is correct.", "If you followed a link, the page may have moved, or you may not have access to it."]),
            403 => ("You do not have access to this page", ["Ask an administrator if you think you should."]),
            429 when HttpContext.Items[RateLimitPolicyItem] is Forum.ForumServices.UnsubscribeLimit => ("Please wait a moment",
                [$"Too many unsubscribe requests from your network just now. Please try the link again in {RetryMinutes()}; your email settings have not changed."]),
            429 => ("Please wait a moment", [$"There have been too many attempts in a short time. Please try again in {RetryMinutes()}.", "This protects your account. Nothing you typed has been kept, so you will need to enter it again."]),
            400 when isForm => ("Something went wrong with that request", ["The form may have expired. Go back, reload the page and try again."]),
            400 => ("Something went wrong with that request", ["Part of the web address could not be read. If you typed it, check it is correct; if you followed a link, go back and try again."]),
            413 => ("That was too much to send at once", [$"The site accepts up to {RequestLimits.MaxBodyKilobytes:N0} KB in one go. Nothing was saved, and any draft you saved before is unchanged.",
                "If you were writing a post, shorten it (posts can be up to 32,000 characters) and send it again."]),
            < 500 => ("Something went wrong with that request", ["Go back and try again. If it happens again, get help below."]),
            _ => ("Sorry, there is a problem with the service", ["Please try again later. Nothing has been lost that you saved before this."]),
        };
        if (code >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
        Response.StatusCode = code;
        return Page();
    }

    private string RetryMinutes()
    {
        var retry = HttpContext.Response.Headers.RetryAfter.ToString();
        return int.TryParse(retry, out var seconds) && seconds > 60 ? $"{(seconds + 59) / 60} minutes" : "a minute";
    }
}
