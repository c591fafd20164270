using System.Globalization;

namespace PatientLeaders.Community.Web.Features.Forum;

public static class ForumUrls
{
    public static string Category(string slug, string? tag = null, int page = 1)
    {
        var query = new List<string>();
        if (tag is not null)
        {
            query.Add("tag=" + Uri.EscapeDataString(tag));
        }
        if (page > 1)
        {
            query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }
        return "/forum/" + slug + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>The query value of the nested view; the in-order view has none.</summary>
    public const string NestedView = "nested";

    public static string ThreadPage(long threadId, string slug, int page, bool nested = false)
    {
        var query = new List<string>();
        if (nested)
        {
            query.Add("view=" + NestedView);
        }
        if (page > 1)
        {
            query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }
        return $"/forum/t/{threadId}/{slug}" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>The page of the thread that holds the post, at the post.</summary>
    public static string Post(long threadId, string slug, long postId, int number) =>
        $"/forum/t/{threadId}/{slug}?page={Paging.PageOf(number, Paging.PostsPerPage).ToString(CultureInfo.InvariantCulture)}#post-{postId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The same in the nested view, where a post is on the page of its branch (its top-level post).</summary>
    public static string NestedPost(long threadId, string slug, long postId, int branch) =>
        $"/forum/t/{threadId}/{slug}?view={NestedView}&page={Paging.PageOf(branch, Paging.PostsPerPage).ToString(CultureInfo.InvariantCulture)}#post-{postId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The post's link in whichever view the reader is using.</summary>
    public static string Post(PostView post, ThreadView thread, bool nested) =>
        nested ? NestedPost(thread.Id, thread.Slug, post.Id, post.Branch) : Post(thread.Id, thread.Slug, post.Id, post.Number);

    /// <summary>
    /// The id of the thread page's one form for posts' one-click actions: every button names it with form= and its
    /// own handler with formaction=, so the antiforgery token is written once a page, not once a post.
    /// </summary>
    public const string PostActionsForm = "post-actions";

    /// <summary>Where a post's action buttons (react, bookmark, delete, ignore, hide, restore) post: the handler of /forum/p/{id}.</summary>
    public static string PostAction(long postId, string handler, string? view) =>
        Handler(Permalink(postId), handler) + (view is null ? "" : "&view=" + view);

    /// <summary>
    /// A named handler of the page at <paramref name="pageUrl"/> (a path without a query), where its forms post: built
    /// here rather than by the form tag helper, which generates the URL through routing on every render.
    /// </summary>
    public static string Handler(string pageUrl, string handler) => pageUrl + "?handler=" + handler;

    /// <summary>A stable link to a post wherever it ends up: /forum/p/{id} redirects to its page.</summary>
    public static string Permalink(long postId) => "/forum/p/" + postId.ToString(CultureInfo.InvariantCulture);
}
