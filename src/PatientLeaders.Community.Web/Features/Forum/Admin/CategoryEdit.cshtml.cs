using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Forum.Admin;

[Authorize(Policy = AccountsServices.AdminPolicy)]
public sealed class CategoryEditModel(CategoryStore categories, IStringLocalizer<SharedResource> localizer) : PageModel
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

    /// <summary>A role's box in "Who can see it", as a whole phrase in the reader's language.</summary>
    public static string OnlyRole(IStringLocalizer strings, string role) => role switch
    {
        Accounts.Roles.Mentor => strings["Only Mentors"].Value,
        Accounts.Roles.Facilitator => strings["Only Facilitators"].Value,
        Accounts.Roles.Coordinator => strings["Only Coordinators"].Value,
        Accounts.Roles.ProgrammeCoordinator => strings["Only Programme coordinators"].Value,
        Accounts.Roles.Moderator => strings["Only Moderators"].Value,
        Accounts.Roles.Admin => strings["Only Admins"].Value,
        _ => strings["Only {0}", strings[role].Value].Value,
    };

    /// <summary>
    /// An icon's name in the reader's language, in lower case as the list shows it ("chat"). The keys are capitalised:
    /// "Welcome" is already a key, and two keys may not differ only by case.
    /// </summary>
    public static string IconLabel(IStringLocalizer strings, string icon) => (icon switch
    {
        "chat" => strings["Chat"].Value,
        "question" => strings["Question"].Value,
        "idea" => strings["Idea"].Value,
        "support" => strings["Support"].Value,
        "news" => strings["News"].Value,
        "resources" => strings["Resources"].Value,
        "events" => strings["Events"].Value,
        "welcome" => strings["Welcome"].Value,
        _ => icon,
    }).ToLower(CultureInfo.CurrentCulture);

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
            ModelState.AddModelError("Input.Slug", localizer["Enter a web address made of letters, numbers and hyphens"].Value);
        }
        if (ReservedSlugs.Contains(slug))
        {
            ModelState.AddModelError("Input.Slug", localizer["“{0}” is used by the forum itself. Choose another web address", slug].Value);
        }
        if (!CategoryStyles.Icons.ContainsKey(Input.Icon))
        {
            ModelState.AddModelError("Input.Icon", localizer["Choose an icon from the list"].Value);
        }
        if (!CategoryStyles.Colours.Contains(Input.Colour))
        {
            ModelState.AddModelError("Input.Colour", localizer["Choose a colour from the list"].Value);
        }
        // A cohort's or a programme's alumni role is set by the programmes, never by this form: keep it.
        var scoped = id is { } editing ? (await categories.AllAsync(ct)).First(c => c.Id == editing).RoleList.Where(Accounts.Roles.IsScoped) : [];
        var roles = Input.Roles.Where(RestrictableRoles.Contains).Concat(scoped).Distinct().ToList();
        if (roles.Count > 0 && Input.IsPublic)
        {
            ModelState.AddModelError("Input.IsPublic", localizer["A category only some roles can see cannot also be public. Untick one of them"].Value);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var edit = new CategoryEdit(slug, Input.Name.Trim(), Input.Description?.Trim() ?? "", Input.Icon, Input.Colour, Input.IsPublic, string.Join(",", roles));
        var saved = id is { } existing ? await categories.UpdateAsync(existing, edit, ct) : await categories.CreateAsync(edit, ct);
        if (!saved)
        {
            ModelState.AddModelError("Input.Slug", localizer["Another category already uses the web address “{0}”", slug].Value);
            return Page();
        }
        TempData["Status"] = localizer["The category “{0}” has been saved.", edit.Name].Value;
        return Redirect("/forum/admin/categories");
    }
}
