namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>Page arithmetic for numbered pagination. Pages count from 1.</summary>
public static class Paging
{
    public const int ThreadsPerPage = 30;
    public const int PostsPerPage = 20;

    public static int PageCount(long items, int pageSize) =>
        items <= 0 ? 1 : (int)Math.Min(int.MaxValue, (items + pageSize - 1) / pageSize);

    /// <summary>The page that holds item <paramref name="number"/> (1-based), e.g. a post's Number within its thread.</summary>
    public static int PageOf(long number, int pageSize) =>
        number <= 1 ? 1 : (int)Math.Min(int.MaxValue, (number - 1) / pageSize + 1);

    /// <summary>The first and last item numbers on a page: posts on page p are Numbers First..Last.</summary>
    public static (long First, long Last) Range(int page, int pageSize)
    {
        var p = Math.Max(1, page);
        return ((long)(p - 1) * pageSize + 1, (long)p * pageSize);
    }

    public static int Clamp(int page, int pageCount) => Math.Clamp(page, 1, Math.Max(1, pageCount));

    /// <summary>
    /// The page numbers to link: the first, the last, and two either side of the current page; null marks a gap
    /// ("…"). For 12 pages on page 6: 1, …, 4, 5, 6, 7, 8, …, 12.
    /// </summary>
    public static IReadOnlyList<int?> Links(int current, int pageCount)
    {
        var shown = new SortedSet<int> { 1, pageCount };
        for (var p = current - 2; p <= current + 2; p++)
        {
            if (p >= 1 && p <= pageCount)
            {
                shown.Add(p);
            }
        }
        var links = new List<int?>();
        var previous = 0;
        foreach (var p in shown)
        {
            if (p - previous == 2)
            {
                links.Add(p - 1);
            }
            else if (p - previous > 2)
            {
                links.Add(null);
            }
            links.Add(p);
            previous = p;
        }
        return links;
    }
}
