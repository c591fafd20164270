using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>Guests may read public categories, so this page is open; <see cref="ForumAccess"/> filters what it lists.</summary>
[AllowAnonymous]
public sealed class IndexModel(ForumAccess access) : PageModel
{
    public IReadOnlyList<ForumCategory> Categories { get; private set; } = [];

    public ForumViewer Viewer { get; private set; } = ForumViewer.Guest;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Viewer = ForumViewer.From(User);
        Categories = await access.VisibleCategoriesAsync(Viewer, ct);
    }
}
