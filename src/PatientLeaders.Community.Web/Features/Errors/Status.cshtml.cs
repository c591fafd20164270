using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        (Title, Lines) = code switch
        {
            404 => ("Page not found", (IReadOnlyList<string>)["If you typed the web address, check it is correct.", "If you followed a link, the page may have moved, or you may not have access to it."]),
            403 => ("You do not have access to this page", ["Ask an administrator if you think you should."]),
            429 when HttpContext.Items[RateLimitPolicyItem] is Forum.ForumServices.UnsubscribeLimit => ("Please wait a moment",
                [$"Too many unsubscribe requests from your network just now. Please try the link again in {RetryMinutes()}; your email settings have not changed."]),
            429 => ("Please wait a moment", [$"There have been too many attempts in a short time. Please try again in {RetryMinutes()}.", "This protects your account. Nothing you typed has been kept, so you will need to enter it again."]),
            400 => ("Something went wrong with that request", ["The form may have expired. Go back, reload the page and try again."]),
            _ => ("Sorry, there is a problem with the service", ["Please try again later. Nothing has been lost that you saved before this."]),
        };
        if (code >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
        Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        return Page();
    }

    private string RetryMinutes()
    {
        var retry = HttpContext.Response.Headers.RetryAfter.ToString();
        return int.TryParse(retry, out var seconds) && seconds > 60 ? $"{(seconds + 59) / 60} minutes" : "a minute";
    }
}
