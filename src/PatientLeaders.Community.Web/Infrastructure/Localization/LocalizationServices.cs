using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Infrastructure.Localization;

public static class LocalizationServices
{
    /// <summary>How long the language switch's cookie lasts.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<IStringLocalizer<SharedResource>, KeptStringLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SiteCultures.Default);
            options.SupportedCultures = SiteCultures.Supported.ToList();
            options.SupportedUICultures = SiteCultures.Supported.ToList();
            // Saved setting, then the switch's cookie, then the browser; never the query string.
            options.RequestCultureProviders =
            [
                new MemberLanguageProvider(),
                new CookieRequestCultureProvider(),
                new BrowserLanguageProvider(),
            ];
        });
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.AddSingleton<LanguageChoice>();
        return services;
    }

    /// <summary>The cookie the language switch sets (ASP.NET Core's own format and name).</summary>
    public static void RememberChoice(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.Add(CookieLifetime), IsEssential = true, HttpOnly = true, Secure = response.HttpContext.Request.IsHttps, SameSite = SameSiteMode.Lax });

    /// <summary>Model binding's own messages ("The value 'x' is not valid"), in the reader's language.</summary>
    private sealed class LocalizedModelBindingMessages(IStringLocalizer<SharedResource> localizer) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueIsInvalidAccessor(value => localizer["The value '{0}' is not valid.", value]);
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => localizer["The value '{0}' is not valid.", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["The value '{0}' is not valid.", value]);
            messages.SetUnknownValueIsInvalidAccessor(field => localizer["The value is not valid."]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["The value is not valid."]);
            messages.SetValueMustNotBeNullAccessor(value => localizer["A value is required."]);
            messages.SetMissingBindRequiredValueAccessor(field => localizer["A value is required."]);
            messages.SetMissingKeyOrValueAccessor(() => localizer["A value is required."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["A value is required."]);
            messages.SetValueMustBeANumberAccessor(field => localizer["Enter a number."]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Enter a number."]);
        }
    }
}
