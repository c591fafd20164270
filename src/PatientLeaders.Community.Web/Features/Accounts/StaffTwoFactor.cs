using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Coordinators, moderators and admins can see other people's data, so they must turn on two-factor sign-in first.
/// One rule for every way a signed-in request can enter: <see cref="StaffTwoFactorMiddleware"/> applies it to every
/// endpoint (pages, hub connections, downloads, anything mapped later), and the hub filter applies it again to every
/// hub call, because a live connection outlasts the request that opened it.
/// </summary>
public static class StaffTwoFactor
{
    public const string SetUpPath = "/account/two-factor";

    public const string Explanation =
        "Your role lets you see other members' information, so you need to set up two-factor sign-in before you continue.";

    /// <summary>The pages such a member may still open: two-factor setup, signing in and out, the error pages and public help.</summary>
    private static readonly string[] AllowedPages =
        ["/Accounts/TwoFactor", "/Accounts/Logout", "/Accounts/Login", "/Accounts/LoginTwoFactor", "/Accounts/KeepAlive"];

    private static readonly string[] AllowedFolders = ["/Errors/", "/Help/"];

    public static bool IsMissing(ClaimsPrincipal user, bool twoFactorEnabled) =>
        !twoFactorEnabled && user.Identity?.IsAuthenticated == true && Roles.RequiringTwoFactor.Any(user.IsInRole);

    /// <summary>Whether an endpoint may be reached without two-factor: only the pages above and endpoints marked <see cref="AllowedWithoutTwoFactor"/>.</summary>
    public static bool MayEnter(Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            return true; // no endpoint: the 404 page, which shows nothing
        }
        if (endpoint.Metadata.GetMetadata<AllowedWithoutTwoFactor>() is not null)
        {
            return true;
        }
        return endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath is { } path
            && (AllowedPages.Contains(path, StringComparer.Ordinal) || AllowedFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)));
    }
}

/// <summary>Endpoint metadata: reachable by staff who have not set up two-factor sign-in yet (it shows nobody's data).</summary>
public sealed class AllowedWithoutTwoFactor;

/// <summary>Runs after authentication on every request: pages send such staff to set up two-factor; anything else is refused with 403.</summary>
public sealed class StaffTwoFactorMiddleware(RequestDelegate next, ITempDataDictionaryFactory tempData)
{
    public Task InvokeAsync(HttpContext http)
    {
        var twoFactorEnabled = http.Items[SessionCookieEvents.TwoFactorEnabledItem] is not false;
        if (!StaffTwoFactor.IsMissing(http.User, twoFactorEnabled) || StaffTwoFactor.MayEnter(http.GetEndpoint()))
        {
            return next(http);
        }
        if (http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        {
            var data = tempData.GetTempData(http);
            data["Status"] = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[StaffTwoFactor.Explanation].Value;
            data.Save();
            http.Response.Redirect(StaffTwoFactor.SetUpPath);
            return Task.CompletedTask;
        }
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
