using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>A cohort's materials, for its participants (each from its opening date), facilitators and coordinators.</summary>
public sealed class MaterialsModel(ProgrammeStore programmes, ApplicationStore applications, MaterialStore materials, MarkdownRenderer renderer,
    TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public CohortView Cohort { get; private set; } = new();

    public CohortAccess Access { get; private set; } = new(false, false, false);

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public IReadOnlyList<(MaterialView Material, SanitizedHtml Body)> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(long id, long materialId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Access.Runs || !await materials.DeleteAsync(id, materialId, ct))
        {
            return NotFound();
        }
        TempData["Status"] = localizer["The material has been removed."].Value;
        return LocalRedirect($"/programmes/cohorts/{id}/materials");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { } cohort)
        {
            return false;
        }
        Access = await CohortAccess.ForAsync(User, id, programmes, applications, ct);
        if (!Access.Belongs)
        {
            return false;
        }
        Cohort = cohort;
        Sessions = await programmes.SessionsAsync(id, ct);
        Items = (await materials.ForCohortAsync(id, includeNotYetOpen: Access.Runs, ct)).Select(m => (m, renderer.Render(m.Body))).ToList();
        return true;
    }

    public string SessionName(long? sessionId) => Sessions.FirstOrDefault(s => s.Id == sessionId) is { } session
        ? $"{session.Position}. " + session.DisplayTitle(localizer)
        : localizer["The whole programme"];
}
