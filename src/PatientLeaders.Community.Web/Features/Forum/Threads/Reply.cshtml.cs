using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Forum.Saved;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// The reply composer: reply to the thread, to one post (<c>?to=</c>), or quote it (<c>&amp;quote=true</c>).
/// The thread page's own composer posts here too, so errors and the no-JavaScript preview show on this page.
/// </summary>
[EnableRateLimiting(ForumServices.PostingLimit)]
public sealed class ReplyModel(ForumAccess access, PostWriter writer, DraftStore drafts, PostRenderer renderer, ThreadStore threads,
    NewMemberLimits newMembers, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel : PostTextInput
    {
        public long? ReplyToPostId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ForumCategory Category { get; private set; } = new();

    public ThreadView Thread { get; private set; } = new();

    public PostView? ReplyingTo { get; private set; }

    public SanitizedHtml? Preview { get; private set; }

    public string DraftKey => DraftKeys.Reply(Thread.Id);

    public async Task<IActionResult> OnGetAsync(long threadId, long? to, bool quote, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (!await LoadAsync(threadId, to, viewer, ct))
        {
            return NotFound();
        }
        var draft = await drafts.FindAsync(viewer.RequireMemberId(), DraftKey, ct);
        Input = new InputModel { ReplyToPostId = ReplyingTo?.Id, Body = draft?.Body ?? "", ContentNote = draft?.ContentNote };
        if (quote && ReplyingTo is { } quoted && CanQuote(quoted, viewer))
        {
            var lines = quoted.Body.Replace("\r\n", "\n").Split('\n').Select(line => "> " + line);
            var heading = localizer["**{0}** wrote in #{1}:", quoted.AuthorName ?? localizer["Former member"].Value, quoted.Number].Value;
            var quotedText = $"> {heading}\n>\n{string.Join("\n", lines)}\n\n";
            Input.Body = quotedText + Input.Body;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long threadId, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (!await LoadAsync(threadId, Input.ReplyToPostId, viewer, ct))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Input.Body) && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Body", localizer["Write your message"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await newMembers.CheckAsync(viewer, newThread: false, ct) is { } pause)
        {
            await drafts.SaveAsync(viewer.RequireMemberId(), new DraftView { DraftKey = DraftKey, Body = Input.Body, ContentNote = Input.CleanContentNote }, ct);
            ModelState.AddModelError("Input.Body", pause.Message);
            return Page();
        }
        var (postId, number) = await writer.ReplyAsync(Category, Thread, viewer.RequireMemberId(),
            new NewReply(ReplyingTo?.Id, Input.Body, Input.CleanContentNote, Input.ChosenLanguage), ct);
        TempData["Status"] = localizer["Your reply has been posted."].Value;
        return Redirect(ForumUrls.Post(Thread.Id, Thread.Slug, postId, number));
    }

    public async Task<IActionResult> OnPostPreviewAsync(long threadId, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (!await LoadAsync(threadId, Input.ReplyToPostId, viewer, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var members = await threads.MembersByHandleAsync(Mentions.Parse(Input.Body), ct);
        Preview = renderer.Render(Input.Body, members);
        return Page();
    }

    private static bool CanQuote(PostView post, ForumViewer viewer) =>
        !post.IsDeleted && (!post.IsHidden || viewer.IsModerator || post.AuthorId == viewer.MemberId);

    /// <summary>False (so 404) when the thread or the post replied to is not visible, or the thread does not take replies.</summary>
    private async Task<bool> LoadAsync(long threadId, long? replyTo, ForumViewer viewer, CancellationToken ct)
    {
        if (await access.ThreadAsync(threadId, viewer, ct) is not { } found || !ForumAccess.CanReply(found.Thread, viewer))
        {
            return false;
        }
        (Category, Thread) = found;
        if (replyTo is { } postId)
        {
            ReplyingTo = await threads.FindPostAsync(postId, ct);
            if (ReplyingTo is null || ReplyingTo.ThreadId != threadId)
            {
                return false;
            }
        }
        return true;
    }
}
