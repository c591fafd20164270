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

    public static string ThreadPage(long threadId, string slug, int page) =>
        $"/forum/t/{threadId}/{slug}" + (page > 1 ? "?page=" + page.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The page of the thread that holds the post, at the post.</summary>
    public static string Post(long threadId, string slug, long postId, int number) =>
        $"/forum/t/{threadId}/{slug}?page={Paging.PageOf(number, Paging.PostsPerPage).ToString(CultureInfo.InvariantCulture)}#post-{postId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A stable link to a post wherever it ends up: /forum/p/{id} redirects to its page.</summary>
    public static string Permalink(long postId) => "/forum/p/" + postId.ToString(CultureInfo.InvariantCulture);
}
