using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;
namespace PatientLeaders.Community.Web.Features.Sets;

public sealed class CreateModel(SetStore sets, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string DefaultGroundRules = """
        - **Confidentiality**: what is said in the set stays in the set.
        - **Questions, not advice**: we help each other think by asking open questions.
        - **Airtime**: everyone gets time; anyone may pass or ask for a break without giving a reason.
        - **Commitment**: we come to every meeting we can, on time, and send apologies if we cannot.
        - **Actions**: each presenter chooses their own actions and reports back next time.
        """;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a name for the set")]
        [StringLength(100, ErrorMessage = "The name must be 100 characters or fewer")]
        [PlainText]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Say what the set is for")]
        [StringLength(1000, ErrorMessage = "The purpose must be 1,000 characters or fewer")]
        public string Purpose { get; set; } = "";

        [Required(ErrorMessage = "Enter the facilitator's handle")]
        [StringLength(40, ErrorMessage = "Handles are 40 characters or fewer")]
        public string FacilitatorHandle { get; set; } = "";

        [StringLength(2000, ErrorMessage = "The member list must be 2,000 characters or fewer")]
        public string? MemberHandles { get; set; }

        [Required(ErrorMessage = "Write the set's ground rules")]
        [StringLength(8000, ErrorMessage = "Ground rules must be 8,000 characters or fewer")]
        [MarkdownText]
        public string GroundRules { get; set; } = DefaultGroundRules;

        [Range(1, 12, ErrorMessage = "The quorum must be between 1 and 12 members")]
        public int Quorum { get; set; } = 3;

        public bool KeepChat { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet()
    {
        if (!SetsPolicy.MayCreate(User))
        {
            return NotFound();
        }
        if (User.IsInRole(Roles.Facilitator))
        {
            Input.FacilitatorHandle = User.FindFirst(MemberClaims.Handle)?.Value ?? "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SetsPolicy.MayCreate(User))
        {
            return NotFound();
        }
        var handles = SetForms.SplitHandles(Input.MemberHandles);
        var facilitator = (Input.FacilitatorHandle ?? "").Trim().TrimStart('@');
        var found = await sets.FindHandlesAsync([.. handles, facilitator], ct);
        if (facilitator.Length > 0)
        {
            if (!found.TryGetValue(facilitator.ToUpperInvariant(), out var facilitatorId))
            {
                ModelState.AddModelError("Input.FacilitatorHandle", localizer["There is no member with the handle {0}", "@" + facilitator]);
            }
            else if (!SetsPolicy.MayFacilitate(await sets.RolesOfAsync(facilitatorId, ct)))
            {
                ModelState.AddModelError("Input.FacilitatorHandle", localizer["@{0} does not have the facilitator role", facilitator]);
            }
        }
        var unknown = handles.Where(h => !found.ContainsKey(h.ToUpperInvariant())).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("Input.MemberHandles", localizer["There is no member with the handle {0}", string.Join(", ", unknown.Select(h => "@" + h))]);
        }
        if (ModelState.IsValid && Input.Quorum > Math.Max(1, handles.Count))
        {
            ModelState.AddModelError("Input.Quorum", localizer["The quorum cannot be more than the number of members"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = await sets.CreateAsync(new NewSet(Input.Name.Trim(), Input.Purpose.Trim(), found[facilitator.ToUpperInvariant()],
            handles.Select(h => found[h.ToUpperInvariant()]).ToList(), Input.GroundRules.Trim(), Input.Quorum, Input.KeepChat), ct);
        TempData["Status"] = localizer["The set {0} has been created.", Input.Name.Trim()].Value;
        // A coordinator who creates a set sees its attendance, not its content.
        var access = await sets.AccessAsync(id, User, ct);
        return LocalRedirect(access.CanSeeContent ? $"/sets/{id}" : $"/sets/{id}/attendance");
    }
}
