using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Forum.Search;

/// <summary>Full-text search over the threads and posts the searcher can open. Members only.</summary>
public sealed class SearchModel(SearchStore search, ForumAccess access, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? CategorySlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "author")]
    public string? Author { get; set; }

    [BindProperty(SupportsGet = true, Name = "tag")]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    /// <summary>The reader's IANA time zone, which site.js puts in the form (<see cref="ReaderDays"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "tz")]
    public string? Tz { get; set; }

    /// <summary>The zone the dates are read and shown in: the reader's, or UTC.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>The keyset cursor of a later page (<see cref="SearchCursor"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    /// <summary>The cursors of the pages before this one, oldest first (<see cref="SearchCursor.FormatTrail"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "back")]
    public string? Back { get; set; }

    public int FirstNumber { get; private set; } = 1;

    public int LastNumber => FirstNumber + Hits.Count - 1;

    public SearchCursor? Next { get; private set; }

    public IReadOnlyList<ForumCategory> Categories { get; private set; } = [];

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public IReadOnlyList<string> Words { get; private set; } = [];

    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        Categories = await access.VisibleCategoriesAsync(viewer, ct);
        var zone = Sets.MeetingTimes.FindZone(Tz);
        (Tz, Zone) = (zone?.Id, zone ?? TimeZoneInfo.Utc);
        if (string.IsNullOrWhiteSpace(Query) || !ModelState.IsValid)
        {
            return Page();
        }
        if (Query.Length > 200 || (Author?.Length ?? 0) > 40 || (Tag?.Length ?? 0) > PostLimits.TagMax)
        {
            ModelState.AddModelError("q", localizer["Search for 200 characters or fewer"]);
            return Page();
        }
        Searched = true;
        Words = FullTextQuery.Words(Query);
        long? categoryId = null;
        if (!string.IsNullOrEmpty(CategorySlug))
        {
            var category = Categories.FirstOrDefault(c => c.Slug == CategorySlug);
            if (category is null)
            {
                return Page();
            }
            categoryId = category.Id;
        }
        var tag = string.IsNullOrWhiteSpace(Tag) ? null : Slugs.From(Tag, PostLimits.TagMax);
        current = SearchCursor.Parse(After);
        trail = current is null ? [] : SearchCursor.ParseTrail(Back);
        var page = await search.SearchAsync(new SearchRequest(Query, categoryId, Author, tag, From, To, Sort == "newest", zone),
            Categories.Select(c => c.Id).ToList(), current, ct);
        (Hits, FirstNumber, Next) = (page.Hits, page.FirstNumber, page.Next);
        return Page();
    }

    private SearchCursor? current;
    private IReadOnlyList<SearchCursor> trail = [];

    /// <summary>The page before this one, when this page knows where it starts (the second page's is the first page).</summary>
    public string? PreviousUrl =>
        current is null ? null
        : trail.Count > 0 ? PageUrl(trail[^1], trail.Take(trail.Count - 1))
        : FirstNumber <= SearchStore.PageSize + 1 ? PageUrl(null) : null;

    /// <summary>The page after this one, remembering this page's start for its "Previous" link.</summary>
    public string? NextUrl => Next is { } next ? PageUrl(next, current is null ? [] : trail.Append(current)) : null;

    /// <summary>This search with its filters and sort, at the page after <paramref name="after"/> (the first page when null).</summary>
    public string PageUrl(SearchCursor? after, IEnumerable<SearchCursor>? earlier = null)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("q", Query), new("category", CategorySlug), new("author", Author), new("tag", Tag),
            new("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("tz", Tz), new("sort", Sort), new("after", after?.ToString()), new("back", after is null ? null : SearchCursor.FormatTrail(earlier ?? [])),
        };
        return "/search" + new QueryBuilder(query.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))).ToQueryString();
    }
}
