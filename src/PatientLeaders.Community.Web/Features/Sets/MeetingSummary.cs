using System.Globalization;
using System.Text;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>What a meeting leaves behind: attendance, timings, presenters and actions. Never what was said.</summary>
public sealed record MeetingSummary(
    SetView Set,
    MeetingRow Meeting,
    IReadOnlyList<SetMemberView> Members,
    IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<PhaseLogRow> Timings,
    IReadOnlyList<ActionView> Actions,
    IReadOnlyList<ActionView> Reviewed)
{
    public IReadOnlyList<string> Presenters =>
        Timings.Where(t => t.Phase == nameof(MeetingPhase.Presentation) && t.PresenterName.Length > 0).Select(t => t.PresenterName).Distinct().ToList();

    public static string Minutes(PhaseLogRow row)
    {
        if (row.EndedAt is not { } ended)
        {
            return "—";
        }
        var minutes = (ended - row.StartedAt).TotalMinutes;
        return minutes < 1 ? "under a minute" : $"{Math.Round(minutes):0} min";
    }

    public bool IsLate(AttendanceRow row) => Meeting.StartedAt is { } started && row.FirstJoinedAt > started;

    public static async Task<MeetingSummary?> LoadAsync(SetStore sets, MeetingStore meetings, long setId, long meetingId, CancellationToken ct)
    {
        if (await sets.FindAsync(setId, ct) is not { } set || await meetings.FindAsync(setId, meetingId, ct) is not { } meeting)
        {
            return null;
        }
        return new MeetingSummary(set, meeting, await sets.MembersAsync(setId, ct), await meetings.AttendanceAsync(meetingId, ct),
            await meetings.PhaseLogAsync(meetingId, ct), await meetings.ActionsOfMeetingAsync(meetingId, ct), await meetings.ActionsReviewedInAsync(meetingId, ct));
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Set.Name}: meeting summary\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- When: {MeetingTimes.Format(Meeting.StartsAt, Meeting.TimeZone)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Planned length: {Meeting.DurationMinutes} minutes\n");
        md.Append(CultureInfo.InvariantCulture, $"- Facilitator: {(Set.FacilitatorName.Length > 0 ? Set.FacilitatorName : "none")}\n\n");
        md.Append("## Attendance\n\n");
        var attended = Attendance.Select(a => a.MemberId).ToHashSet();
        foreach (var row in Attendance)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Escape(row.DisplayName)}: joined {row.FirstJoinedAt.UtcDateTime:HH:mm} UTC{(IsLate(row) ? " (late)" : "")}\n");
        }
        foreach (var member in Members.Where(m => !attended.Contains(m.MemberId)))
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Escape(member.DisplayName)}: absent\n");
        }
        md.Append("\n## Timings\n\n| Part | Presenter | Started (UTC) | Length |\n|---|---|---|---|\n");
        foreach (var row in Timings)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {MeetingPhases.Label(Enum.Parse<MeetingPhase>(row.Phase))} | {Escape(row.PresenterName)} | {row.StartedAt.UtcDateTime:HH:mm} | {Minutes(row)} |\n");
        }
        md.Append("\n## Presenters\n\n");
        md.Append(Presenters.Count == 0 ? "Nobody presented.\n" : string.Join("", Presenters.Select(p => $"- {Escape(p)}\n")));
        md.Append("\n## Actions agreed\n\n");
        md.Append(Actions.Count == 0 ? "None.\n" : string.Join("", Actions.Select(a => $"- {Escape(a.OwnerName)}: {Escape(a.Text)}\n")));
        md.Append("\n## Actions reviewed\n\n");
        md.Append(Reviewed.Count == 0 ? "None.\n" : string.Join("", Reviewed.Select(a =>
            $"- {Escape(a.OwnerName)}: {Escape(a.Text)} — {ActionStatuses.Label(a.Status)}{(string.IsNullOrEmpty(a.StatusNote) ? "" : ": " + Escape(a.StatusNote))}\n")));
        return md.ToString();
    }

    /// <summary>Member text stays text when the file is rendered as Markdown.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if ("\\`*_{}[]()<>#+-.!|".Contains(c))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
