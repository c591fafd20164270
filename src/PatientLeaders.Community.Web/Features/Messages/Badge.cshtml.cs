using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>The header's messages link alone, fetched by live.js when the hub says a message arrived.</summary>
public sealed class BadgeModel : PageModel
{
    public void OnGet()
    {
    }
}
