using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Uploads;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Adding a material: a Markdown page, a file (PDF, DOCX, PPTX or an image), or both. Facilitators and coordinators.</summary>
public sealed class AddMaterialModel(ProgrammeStore programmes, ApplicationStore applications, MaterialStore materials, FileStore files, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a title for the material")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
        [PlainText]
        public string Title { get; set; } = "";

        public long? SessionId { get; set; }

        [StringLength(20000, ErrorMessage = "The text must be 20,000 characters or fewer")]
        [MarkdownText]
        public string? Body { get; set; }

        public DateOnly? VisibleFrom { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public CohortView Cohort { get; private set; } = new();

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public long MaxMegabytes => files.MaxBytes / 1024 / 1024;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Input.SessionId is { } sessionId && Sessions.All(s => s.Id != sessionId))
        {
            ModelState.AddModelError("Input.SessionId", localizer["Choose a session from the list"]);
        }
        if (string.IsNullOrWhiteSpace(Input.Body) && Upload is null)
        {
            ModelState.AddModelError("Input.Body", localizer["Write some text or choose a file, or both"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        string? fileId = null;
        if (Upload is not null)
        {
            var saved = await files.SaveAsync(Upload, FileKinds.Documents, CurrentMember.Id(User), ct);
            if (saved.Problem is { } problem)
            {
                ModelState.AddModelError(nameof(Upload), problem switch
                {
                    UploadProblem.Empty => localizer["The file is empty. Choose another file"],
                    UploadProblem.TooLarge => localizer["The file must be {0} MB or smaller", MaxMegabytes],
                    _ => localizer["The file must be a PDF, a Word or PowerPoint file (DOCX, PPTX) or an image (PNG, JPEG, GIF, WebP), and its name must end in the right extension"],
                });
                return Page();
            }
            fileId = saved.File!.Id;
        }
        var zone = MeetingTimes.FindZone(Cohort.TimeZone) ?? TimeZoneInfo.Utc;
        var opens = Input.VisibleFrom is { } date
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue))).ToUniversalTime()
            : clock.GetUtcNow();
        await materials.AddAsync(new NewMaterial(id, Input.SessionId, Input.Title.Trim(), (Input.Body ?? "").Trim(), fileId, opens), ct);
        TempData["Status"] = localizer["The material {0} has been added.", Input.Title.Trim()].Value;
        return LocalRedirect($"/programmes/cohorts/{id}/materials");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { } cohort || !(await CohortAccess.ForAsync(User, id, programmes, applications, ct)).Runs)
        {
            return false;
        }
        Cohort = cohort;
        Sessions = await programmes.SessionsAsync(id, ct);
        return true;
    }
}
