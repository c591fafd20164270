using Microsoft.AspNetCore.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Infrastructure.Localization;

/// <summary>A signed-in member's saved language comes first: it is in their sign-in, refreshed when they change it.</summary>
public sealed class MemberLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var saved = SiteCultures.Match(httpContext.User.FindFirst(MemberClaims.Language)?.Value);
        return Task.FromResult(saved is null ? null : new ProviderCultureResult(saved));
    }
}

/// <summary>
/// The browser's Accept-Language, best first, matched by language: "cy", "cy-GB" and "cy-AR" all mean Welsh here.
/// (ASP.NET Core's own provider falls back only from a specific culture to its parent, so "cy" alone would miss cy-GB.)
/// </summary>
public sealed class BrowserLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        var match = languages
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => SiteCultures.Match(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return Task.FromResult(match is null ? null : new ProviderCultureResult(match));
    }
}
