using Microsoft.AspNetCore.Mvc;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>The home page's "your sets and next meeting" panel for signed-in members.</summary>
public sealed class SetsDashboardViewComponent(SetStore sets) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var mine = await sets.MySetsAsync(CurrentMember.Id(UserClaimsPrincipal), HttpContext.RequestAborted);
        return View("~/Features/Sets/_SetsDashboard.cshtml", mine);
    }
}
