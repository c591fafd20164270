using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>
/// Moderators split replies off into a new thread: tick replies on one page of the thread (20 at a time, the
/// in-order pages), optionally with every later post, and give the new thread a title and a category.
/// </summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class SplitThreadModel(ForumAccess access, ThreadStore threads, ThreadMoves moves, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int ExcerptLength = 160;

    public sealed class InputModel
    {
        public List<long> PostIds { get; set; } = [];

        public bool AndEverythingAfter { get; set; }

        [Required(ErrorMessage = "Enter a title for the new thread")]
        [StringLength(PostLimits.TitleMax, ErrorMessage = "The title must be between 5 and 150 characters")]
        [PlainText]
        public string Title { get; set => field = value ?? ""; } = "";

        [Required(ErrorMessage = "Choose a category for the new thread")]
        public string? Category { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Confirm that you want to split these posts into a new thread")]
        public bool Confirm { get; set; }

        /// <summary>The page of the thread the replies were chosen from.</summary>
        public int ListPage { get; set; } = 1;
    }

    public sealed record Choice(PostView Post, string Excerpt);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ForumCategory Current { get; private set; } = new();

    public ThreadView Thread { get; private set; } = new();

    public IReadOnlyList<ForumCategory> Categories { get; private set; } = [];

    public IReadOnlyList<Choice> Choices { get; private set; } = [];

    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (!await LoadAsync(id, pageNumber ?? 1, ct))
        {
            return NotFound();
        }
        Input = new InputModel { Category = Current.Slug, ListPage = Input.ListPage };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, Input.ListPage, ct))
        {
            return NotFound();
        }
        var target = Categories.FirstOrDefault(c => c.Slug == Input.Category);
        if (target is null && Input.Category is not null)
        {
            ModelState.AddModelError("Input.Category", localizer["Choose a category for the new thread"].Value);
        }
        if (Input.Title.Trim().Length is > 0 and < PostLimits.TitleMin)
        {
            ModelState.AddModelError("Input.Title", localizer["The title must be between 5 and 150 characters"].Value);
        }
        if (Input.PostIds.Count == 0)
        {
            ModelState.AddModelError("Input.PostIds", localizer["Choose at least one reply to move to the new thread"].Value);
        }
        if (!ModelState.IsValid || target is null)
        {
            return Page();
        }
        var viewer = ForumViewer.From(User);
        var posted = await moves.SplitAsync(Thread, new SplitRequest(Input.PostIds, Input.AndEverythingAfter, target, Input.Title.Trim()),
            viewer.RequireMemberId(), ct);
        if (posted is null)
        {
            ModelState.AddModelError("Input.PostIds", localizer["Choose replies from this thread (the opening post stays where it is)"].Value);
            return Page();
        }
        TempData["Status"] = localizer["The posts are now a thread of their own in {0}. The moderation log records the split.", target.Name].Value;
        return Redirect($"/forum/t/{posted.ThreadId}/{posted.Slug}");
    }

    private async Task<bool> LoadAsync(long id, int page, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (!viewer.IsModerator || await access.ThreadAsync(id, viewer, ct) is not { } found)
        {
            return false;
        }
        (Current, Thread) = found;
        Categories = await access.VisibleCategoriesAsync(viewer, ct);
        PageCount = Paging.PageCount(Thread.LastPostNumber, Paging.PostsPerPage);
        Input.ListPage = Paging.Clamp(page, PageCount);
        var (first, last) = Paging.Range(Input.ListPage, Paging.PostsPerPage);
        var data = await threads.LoadPageAsync(Thread.Id, (int)first, (int)last, viewer.MemberId, ct);
        Choices = data.Posts.Where(p => p.Number > 1).Select(p => new Choice(p, Excerpt(p))).ToList();
        return true;
    }

    /// <summary>The start of a reply's text; nothing for a deleted one, which the page marks as deleted in the reader's language.</summary>
    private static string Excerpt(PostView post)
    {
        if (post.IsDeleted)
        {
            return "";
        }
        var text = string.Join(' ', post.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";
    }
}
