using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Forum.Admin;

[Authorize(Policy = AccountsServices.AdminPolicy)]
public sealed class CategoryEditModel(CategoryStore categories) : PageModel
{
    /// <summary>Words that are forum pages of their own, so they cannot be category addresses.</summary>
    public static readonly IReadOnlyList<string> ReservedSlugs = ["admin", "bookmarks", "drafts", "ignored", "moderation", "new", "preview", "p", "reply", "t"];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a name")]
        [StringLength(80, ErrorMessage = "The name must be 80 characters or fewer")]
        [PlainText]
        public string Name { get; set => field = value ?? ""; } = "";

        [StringLength(60, ErrorMessage = "The web address must be 60 characters or fewer")]
        public string? Slug { get; set; }

        [StringLength(500, ErrorMessage = "The description must be 500 characters or fewer")]
        public string? Description { get; set; }

        public string Icon { get; set => field = value ?? ""; } = CategoryStyles.DefaultIcon;

        public string Colour { get; set => field = value ?? ""; } = CategoryStyles.DefaultColour;

        public bool IsPublic { get; set; }

        public List<string> Roles { get; set => field = value ?? []; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long? Id { get; private set; }

    public static IReadOnlyList<string> RestrictableRoles => Accounts.Roles.All.Where(r => r != Accounts.Roles.Member).ToList();

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }
        if ((await categories.AllAsync(ct)).FirstOrDefault(c => c.Id == id) is not { } category)
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Name = category.Name, Slug = category.Slug, Description = category.Description, Icon = category.Icon, Colour = category.Colour,
            IsPublic = category.IsPublic, Roles = category.RoleList.ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null && (await categories.AllAsync(ct)).All(c => c.Id != id))
        {
            return NotFound();
        }
        var slug = Slugs.From(string.IsNullOrWhiteSpace(Input.Slug) ? Input.Name : Input.Slug);
        if (slug.Length == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Slug", "Enter a web address made of letters, numbers and hyphens");
        }
        if (ReservedSlugs.Contains(slug))
        {
            ModelState.AddModelError("Input.Slug", $"“{slug}” is used by the forum itself. Choose another web address");
        }
        if (!CategoryStyles.Icons.ContainsKey(Input.Icon))
        {
            ModelState.AddModelError("Input.Icon", "Choose an icon from the list");
        }
        if (!CategoryStyles.Colours.Contains(Input.Colour))
        {
            ModelState.AddModelError("Input.Colour", "Choose a colour from the list");
        }
        // A cohort's or a programme's alumni role is set by the programmes, never by this form: keep it.
        var scoped = id is { } editing ? (await categories.AllAsync(ct)).First(c => c.Id == editing).RoleList.Where(Accounts.Roles.IsScoped) : [];
        var roles = Input.Roles.Where(RestrictableRoles.Contains).Concat(scoped).Distinct().ToList();
        if (roles.Count > 0 && Input.IsPublic)
        {
            ModelState.AddModelError("Input.IsPublic", "A category only some roles can see cannot also be public. Untick one of them");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var edit = new CategoryEdit(slug, Input.Name.Trim(), Input.Description?.Trim() ?? "", Input.Icon, Input.Colour, Input.IsPublic, string.Join(",", roles));
        var saved = id is { } existing ? await categories.UpdateAsync(existing, edit, ct) : await categories.CreateAsync(edit, ct);
        if (!saved)
        {
            ModelState.AddModelError("Input.Slug", $"Another category already uses the web address “{slug}”");
            return Page();
        }
        TempData["Status"] = $"The category “{edit.Name}” has been saved.";
        return Redirect("/forum/admin/categories");
    }
}
