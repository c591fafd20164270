using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>Adding a programme, or changing one. Its address stays the same when its title changes.</summary>
public sealed class EditProgrammeModel(ProgrammeStore programmes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the programme's title")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
        [PlainText]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Choose the kind of programme")]
        public string Kind { get; set; } = "Leadership";

        [Required(ErrorMessage = "Write a one-sentence summary")]
        [StringLength(1000, ErrorMessage = "The summary must be 1,000 characters or fewer")]
        [PlainText]
        public string Summary { get; set; } = "";

        [Required(ErrorMessage = "Write the programme's aims")]
        [StringLength(8000, ErrorMessage = "The aims must be 8,000 characters or fewer")]
        [MarkdownText]
        public string Aims { get; set; } = "";

        [Required(ErrorMessage = "Say who the programme is for")]
        [StringLength(8000, ErrorMessage = "This must be 8,000 characters or fewer")]
        [MarkdownText]
        public string WhoFor { get; set; } = "";

        [Range(1, 50, ErrorMessage = "Sessions to attend must be between 1 and 50")]
        public int MinSessions { get; set; } = 4;

        [Range(0, 50, ErrorMessage = "Coaching calls must be between 0 and 50")]
        public int MinCoachingCalls { get; set; }

        public bool IsPublished { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProgrammeView? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        if (slug is not null)
        {
            if (await programmes.FindProgrammeAsync(slug, ct) is not { } programme)
            {
                return NotFound();
            }
            Existing = programme;
            Input = new InputModel
            {
                Title = programme.Title, Kind = programme.Kind, Summary = programme.Summary, Aims = programme.Aims, WhoFor = programme.WhoFor,
                IsPublished = programme.IsPublished, MinSessions = Math.Max(1, programme.MinSessions), MinCoachingCalls = programme.MinCoachingCalls,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        if (slug is not null && (Existing = await programmes.FindProgrammeAsync(slug, ct)) is null)
        {
            return NotFound();
        }
        if (!ProgrammeVocabulary.IsKind(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", localizer["Choose the kind of programme"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var programme = new NewProgramme(Input.Title.Trim(), Input.Kind, Input.Summary.Trim(), Input.Aims.Trim(), Input.WhoFor.Trim(), Input.IsPublished,
            Input.MinSessions, Input.MinCoachingCalls);
        if (Existing is { } existing)
        {
            await programmes.UpdateProgrammeAsync(existing.Id, programme, ct);
            slug = existing.Slug;
        }
        else
        {
            slug = await programmes.CreateProgrammeAsync(programme, ct);
        }
        TempData["Status"] = localizer["The programme {0} has been saved.", programme.Title].Value;
        return LocalRedirect("/programmes/" + slug);
    }
}
