using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Every member can browse the accredited mentors: what they offer, how they meet, their languages and whether they
/// have room. Nothing here comes from a mentor's lived experience: they agreed to share their themes with mentees
/// they are suggested to, not with everyone.
/// </summary>
public sealed class MentorsModel(MentoringStore store) : PageModel
{
    public IReadOnlyList<MentorCandidate> Mentors { get; private set; } = [];

    public string Format { get; private set; } = "";

    public bool RoomOnly { get; private set; }

    public async Task OnGetAsync(string? format, bool room, CancellationToken ct)
    {
        Format = MentoringVocabulary.Formats.IsKnown(format) ? format! : "";
        RoomOnly = room;
        Mentors = (await store.CandidatesAsync(ct))
            .Where(m => m.IsAccredited)
            .Where(m => Format.Length == 0 || m.Formats.Contains(Format))
            .Where(m => !RoomOnly || m.HasRoom)
            .OrderByDescending(m => m.HasRoom).ThenBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList();
    }
}
