using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// ASP.NET Core's antiforgery, except that the form token it made for a reader's antiforgery cookie is kept and given
/// again on that reader's next pages. Making one means unprotecting the cookie and protecting a new token (Data
/// Protection's key derivation, AES and HMAC, twice), and every page has a form: keeping it took about an eighth off a
/// thread page's CPU and a fifth off the forum index's (docs/benchmarks.md). A form token holds nothing but the
/// cookie's secret and who the reader is, so the kept one is as good as a new one. It is kept only under the exact cookie it was made for, once the framework found
/// that cookie valid, and the member it was made for: signing in as someone else in the same browser gets a new one.
/// Checking posted tokens, and everything else, is the framework's own. (Were an additional-data provider ever
/// registered, its data would have to join the key.)
/// </summary>
public sealed class KeptTokenAntiforgery(IAntiforgery framework, IOptions<AntiforgeryOptions> options) : IAntiforgery, IDisposable
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var key = KeyOf(httpContext);
        if (key is not null && kept.TryGetValue(key, out string? token))
        {
            // What the framework does for a reader whose cookie is valid: no new cookie, and a page that holds a
            // token is never cached.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }
            return new AntiforgeryTokenSet(token, null, options.Value.FormFieldName, options.Value.HeaderName);
        }
        var tokens = framework.GetAndStoreTokens(httpContext);
        // No new cookie token means the request's cookie was read and found valid.
        if (key is not null && tokens.CookieToken is null && tokens.RequestToken is { } made)
        {
            kept.Set(key, made, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });
        }
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => framework.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => framework.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => framework.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => framework.SetCookieTokenAndHeader(httpContext);

    /// <summary>
    /// The cookie as sent and the member it was sent by; null when the framework must answer itself: no cookie, a
    /// Secure cookie asked for over plain HTTP (which the framework refuses), or a principal named otherwise.
    /// </summary>
    private (string Cookie, string? Member)? KeyOf(HttpContext context)
    {
        if (!context.Request.IsHttps && options.Value.Cookie.SecurePolicy == CookieSecurePolicy.Always
            || options.Value.Cookie.Name is not { } name || context.Request.Cookies[name] is not { Length: > 0 } cookie)
        {
            return null;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return (cookie, null);
        }
        // The framework names a member by this claim; a principal without it is named by all its claims, so its
        // tokens are not kept.
        return context.User.FindFirst(ClaimTypes.NameIdentifier) is { } id && context.User.FindFirst("sub") is null
            ? (cookie, id.Issuer + "\n" + id.Value)
            : null;
    }

    public void Dispose() => kept.Dispose();

    /// <summary>Puts this in front of the framework's antiforgery, registered by <c>AddAntiforgery</c> before it.</summary>
    public static void Register(IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(framework);
        services.AddSingleton<IAntiforgery>(sp => new KeptTokenAntiforgery(
            (IAntiforgery)ActivatorUtilities.CreateInstance(sp, framework.ImplementationType!),
            sp.GetRequiredService<IOptions<AntiforgeryOptions>>()));
    }
}
