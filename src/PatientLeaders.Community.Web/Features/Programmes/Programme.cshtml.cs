using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>One programme: its aims, who it is for and its upcoming cohorts. A draft is seen only by coordinators.</summary>
[AllowAnonymous]
public sealed class ProgrammeModel(ProgrammeStore programmes, MarkdownRenderer renderer) : PageModel
{
    public ProgrammeView Programme { get; private set; } = new();

    public SanitizedHtml Aims { get; private set; } = SanitizedHtml.Empty;

    public SanitizedHtml WhoFor { get; private set; } = SanitizedHtml.Empty;

    public IReadOnlyList<CohortView> Cohorts { get; private set; } = [];

    public bool IsCoordinator { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        IsCoordinator = ProgrammesPolicy.IsCoordinator(User);
        if (await programmes.FindProgrammeAsync(slug, ct) is not { } programme || (!programme.IsPublished && !IsCoordinator))
        {
            return NotFound();
        }
        Programme = programme;
        Aims = renderer.Render(programme.Aims);
        WhoFor = renderer.Render(programme.WhoFor);
        Cohorts = await programmes.CohortsOfAsync(programme.Id, upcomingOnly: !IsCoordinator, ct);
        return Page();
    }
}
