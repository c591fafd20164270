using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Forum.Saved;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

[EnableRateLimiting(ForumServices.PostingLimit)]
public sealed class NewThreadModel(ForumAccess access, PostWriter writer, DraftStore drafts, PostRenderer renderer, ThreadStore threads,
    NewMemberLimits newMembers, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel : PostTextInput
    {
        [Required(ErrorMessage = "Choose a category")]
        public string Category { get; set => field = value ?? ""; } = "";

        [Required(ErrorMessage = "Enter a title")]
        [StringLength(PostLimits.TitleMax, MinimumLength = PostLimits.TitleMin, ErrorMessage = "The title must be between 5 and 150 characters")]
        [PlainText]
        public string Title { get; set => field = value ?? ""; } = "";

        [StringLength(200, ErrorMessage = "Tags must be 200 characters or fewer in all")]
        public string? Tags { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ForumCategory> Categories { get; private set; } = [];

    public SanitizedHtml? Preview { get; private set; }

    public async Task OnGetAsync(string? category, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        Categories = await access.VisibleCategoriesAsync(viewer, ct);
        var draft = await drafts.FindAsync(viewer.RequireMemberId(), DraftKeys.NewThread, ct);
        Input = new InputModel
        {
            Category = category ?? "",
            Title = draft?.Title ?? "",
            Body = draft?.Body ?? "",
            ContentNote = draft?.ContentNote,
            Tags = draft?.Tags,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        Categories = await access.VisibleCategoriesAsync(viewer, ct);
        var category = Categories.FirstOrDefault(c => c.Slug == Input.Category);
        if (category is null && ModelState.GetFieldValidationState("Input.Category") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.Category", localizer["Choose a category"]);
        }
        if (string.IsNullOrWhiteSpace(Input.Title) is false && Input.Title.Trim().Length < PostLimits.TitleMin
            && ModelState.GetFieldValidationState("Input.Title") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.Title", localizer["The title must be between 5 and 150 characters"]);
        }
        var tags = TagList.Parse(Input.Tags);
        if (tags.Count > PostLimits.MaxTags)
        {
            ModelState.AddModelError("Input.Tags", localizer["Use at most 5 tags"]);
        }
        if (!ModelState.IsValid || category is null)
        {
            return Page();
        }
        if (await newMembers.CheckAsync(viewer, newThread: true, ct) is { } pause)
        {
            await drafts.SaveAsync(viewer.RequireMemberId(), new DraftView
            {
                DraftKey = DraftKeys.NewThread, Title = Input.Title, Body = Input.Body, ContentNote = Input.CleanContentNote, Tags = Input.Tags ?? "",
            }, ct);
            ModelState.AddModelError("Input.Body", pause.Message);
            return Page();
        }
        var posted = await writer.StartThreadAsync(category, viewer.RequireMemberId(),
            new NewThread(Input.Title.Trim(), Input.Body, Input.CleanContentNote, tags, Input.ChosenLanguage), ct);
        TempData["Status"] = localizer["Your thread has been started."].Value;
        return Redirect($"/forum/t/{posted.ThreadId}/{posted.Slug}");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        Categories = await access.VisibleCategoriesAsync(viewer, ct);
        ModelState.Clear();
        Preview = renderer.Render(Input.Body, await threads.MembersByHandleAsync(Mentions.Parse(Input.Body), ct));
        return Page();
    }
}
