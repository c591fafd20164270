using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Impact.Stories.Manage;

/// <summary>The coordinators' list of stories in hand.</summary>
public sealed class IndexModel(StoryStore stories) : PageModel
{
    public IReadOnlyList<StoryView> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Stories = await stories.ForEditorsAsync(ct);
}
