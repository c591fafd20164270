using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Notifications;

/// <summary>The header's notifications link alone, fetched by live.js when the hub says a notification arrived.</summary>
public sealed class BadgeModel : PageModel
{
    public void OnGet()
    {
    }
}
