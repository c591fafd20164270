using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;
namespace PatientLeaders.Community.Web.Features.Sets;

public sealed class EditModel(SetStore sets, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a name for the set")]
        [StringLength(100, ErrorMessage = "The name must be 100 characters or fewer")]
        [PlainText]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Say what the set is for")]
        [StringLength(1000, ErrorMessage = "The purpose must be 1,000 characters or fewer")]
        public string Purpose { get; set; } = "";

        [Required(ErrorMessage = "Write the set's ground rules")]
        [StringLength(8000, ErrorMessage = "Ground rules must be 8,000 characters or fewer")]
        [MarkdownText]
        public string GroundRules { get; set; } = "";

        [Range(1, 12, ErrorMessage = "The quorum must be between 1 and 12 members")]
        public int Quorum { get; set; } = 3;

        public bool KeepChat { get; set; }

        [CallLink]
        public string? CallLink { get; set; }

        [StringLength(CallDetails.MaxDialInLength, ErrorMessage = "Keep the phone details to 200 characters or fewer")]
        [PlainText]
        public string? DialIn { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long SetId { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } set)
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Name = set.Name, Purpose = set.Purpose, GroundRules = set.GroundRules, Quorum = set.Quorum, KeepChat = set.KeepChat,
            CallLink = set.CallLink, DialIn = set.DialIn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await sets.UpdateAsync(id, new SetEdit(Input.Name.Trim(), Input.Purpose.Trim(), Input.GroundRules.Trim(), Input.Quorum, Input.KeepChat,
            (Input.CallLink ?? "").Trim(), (Input.DialIn ?? "").Trim()), ct);
        TempData["Status"] = localizer["The set has been saved. If the ground rules changed, members will be asked to confirm them again."].Value;
        return LocalRedirect($"/sets/{id}");
    }

    /// <summary>Content: the set's facilitator and admins only.</summary>
    private async Task<SetView?> EditableAsync(long id, CancellationToken ct)
    {
        SetId = id;
        var access = await sets.AccessAsync(id, User, ct);
        return access.Role is SetRole.Facilitator or SetRole.Admin ? await sets.FindAsync(id, ct) : null;
    }
}
