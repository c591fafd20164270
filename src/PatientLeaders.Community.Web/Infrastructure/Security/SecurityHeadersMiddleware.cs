using System.Text.RegularExpressions;

namespace PatientLeaders.Community.Web.Infrastructure.Security;

public sealed partial class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var nonce = CspNonce.For(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic'; style-src 'self'; img-src 'self'; " +
                "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
                "frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Room and profile URLs are private: never leak them to other sites.
            headers["Referrer-Policy"] = "no-referrer";
            // Only a set's room may ask for the microphone and camera, to talk in its meeting; no page may use location.
            var media = RoomPage().IsMatch(context.Request.Path.Value ?? "") ? "(self)" : "()";
            headers["Permissions-Policy"] = $"camera={media}, microphone={media}, geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages may show private or health data: no browser or proxy keeps a copy.
            if (!IsStaticAsset(context))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    [GeneratedRegex("^/sets/[0-9]+/room/?$", RegexOptions.IgnoreCase)]
    private static partial Regex RoomPage();

    private static bool IsStaticAsset(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js");
}
