using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Programmes.Outcomes;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>
/// The programme's own confidence items, which coordinators word, add and retire. The self-efficacy scale beside
/// them is a published instrument and cannot be edited. Retired items keep their past answers.
/// </summary>
public sealed class QuestionsModel(ProgrammeStore programmes, OutcomeStore outcomes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class ItemInput
    {
        public long Id { get; set; }

        [Required(ErrorMessage = "A question cannot be empty: retire it instead")]
        [StringLength(500, ErrorMessage = "A question must be 500 characters or fewer")]
        [PlainText]
        public string Text { get; set; } = "";

        public bool Retired { get; set; }
    }

    [BindProperty]
    public List<ItemInput> Items { get; set; } = [];

    [BindProperty]
    [StringLength(500, ErrorMessage = "A question must be 500 characters or fewer")]
    [PlainText]
    public string? NewItem { get; set; }

    public ProgrammeView Programme { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        Items = (await outcomes.ItemsAsync(Programme.Id, ct)).Select(i => new ItemInput { Id = i.Id, Text = i.Text, Retired = i.IsRetired }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await outcomes.SaveItemsAsync(Programme.Id, Items.Select(i => (i.Id, i.Text.Trim(), i.Retired)).ToList(), NewItem, ct);
        TempData["Status"] = localizer["The questions have been saved."].Value;
        return LocalRedirect($"/programmes/manage/programme/{slug}/questions");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await programmes.FindProgrammeAsync(slug, ct) is not { } programme)
        {
            return false;
        }
        Programme = programme;
        return true;
    }
}
