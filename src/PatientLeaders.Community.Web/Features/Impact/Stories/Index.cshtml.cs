using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Impact.Stories;

/// <summary>Published stories of change, for anyone: only the text each leader approved, with their name or none.</summary>
[AllowAnonymous]
public sealed class IndexModel(StoryStore stories) : PageModel
{
    public IReadOnlyList<StoryView> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Stories = await stories.PublishedAsync(ct);
}
