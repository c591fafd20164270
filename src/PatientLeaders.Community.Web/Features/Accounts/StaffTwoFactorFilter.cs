using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>Coordinators, moderators and admins can see other people's data, so they must turn on two-factor sign-in first.</summary>
public sealed class StaffTwoFactorFilter(ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var needsTwoFactor = http.User.Identity?.IsAuthenticated == true
            && Roles.RequiringTwoFactor.Any(http.User.IsInRole)
            && http.Items[SessionCookieEvents.TwoFactorEnabledItem] is false
            && !IsAllowedWithoutTwoFactor(context.ActionDescriptor.ViewEnginePath);
        if (needsTwoFactor)
        {
            tempData.GetTempData(http)["Status"] =
                "Your role lets you see other members' information, so you need to set up two-factor sign-in before you continue.";
            context.Result = new RedirectResult("/account/two-factor");
            return;
        }
        await next();
    }

    private static bool IsAllowedWithoutTwoFactor(string path) =>
        path.StartsWith("/Accounts/", StringComparison.Ordinal) || path.StartsWith("/Help/", StringComparison.Ordinal)
        || path.StartsWith("/Errors/", StringComparison.Ordinal) || path == "/Index";
}
