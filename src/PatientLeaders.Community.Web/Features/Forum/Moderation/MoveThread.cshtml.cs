using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>Moderators move a thread to another category. Its address does not change, so old links still work.</summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class MoveThreadModel(ForumAccess access, ThreadMoves moves, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose the category to move the thread to")]
        public string? Category { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Confirm that you want to move this thread")]
        public bool Confirm { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ForumCategory Current { get; private set; } = new();

    public ThreadView Thread { get; private set; } = new();

    public IReadOnlyList<ForumCategory> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var target = Categories.FirstOrDefault(c => c.Slug == Input.Category);
        if (target is null && Input.Category is not null)
        {
            ModelState.AddModelError("Input.Category", localizer["Choose the category to move the thread to"].Value);
        }
        if (!ModelState.IsValid || target is null)
        {
            return Page();
        }
        await moves.MoveAsync(Current, Thread, target, ForumViewer.From(User).RequireMemberId(), ct);
        TempData["Status"] = localizer["The thread is now in {0}. Its address has not changed.", target.Name].Value;
        return Redirect(Thread.Url);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (!viewer.IsModerator || await access.ThreadAsync(id, viewer, ct) is not { } found)
        {
            return false;
        }
        (Current, Thread) = found;
        Categories = (await access.VisibleCategoriesAsync(viewer, ct)).Where(c => c.Id != Current.Id).ToList();
        return true;
    }
}
