using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Profiles;

/// <summary>Members find each other by name, handle, region or interest, and by role. Members only; opt-in.</summary>
public sealed class DirectoryModel(DirectoryStore directory) : PageModel
{
    public const int QueryMax = 100;

    public string Query { get; private set; } = "";

    public string Role { get; private set; } = "";

    public DirectoryPage Results { get; private set; } = new([], 0);

    public int CurrentPage { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Results.Total + DirectoryStore.PageSize - 1) / DirectoryStore.PageSize);

    public async Task OnGetAsync(string? q, string? role, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        var query = (q ?? "").Trim();
        Query = query.Length > QueryMax ? query[..QueryMax] : query;
        Role = DirectoryStore.ShownRoles.Contains(role ?? "") ? role! : "";
        CurrentPage = Math.Clamp(pageNumber, 1, 100_000);
        Results = await directory.SearchAsync(Query, Role, CurrentPage, ct);
    }

    public string PageUrl(int page) => "/members" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query.Length > 0 ? Query : null,
        ["role"] = Role.Length > 0 ? Role : null,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
