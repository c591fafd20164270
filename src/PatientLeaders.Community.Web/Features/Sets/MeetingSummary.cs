using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

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

    /// <summary>How long a part took, in the current language: "under a minute", "12 min", or a dash while it runs.</summary>
    public static string Minutes(PhaseLogRow row, IStringLocalizer t)
    {
        if (row.EndedAt is not { } ended)
        {
            return "—";
        }
        var minutes = (ended - row.StartedAt).TotalMinutes;
        return minutes < 1 ? t["under a minute"].Value : t["{0} min", Math.Round(minutes).ToString("0", CultureInfo.CurrentCulture)].Value;
    }

    /// <summary>
    /// A meeting's time for text that no script rewrites (the Markdown file, mail): in the meeting's own zone, with the
    /// zone named, in the current culture's words. In English exactly as the pages write it ("Monday 14 January 2030,
    /// 11:00 (Europe/London)"); in Welsh and Spanish with their own day and month names.
    /// </summary>
    public static string TimeInText(DateTimeOffset utc, string zoneId) => MeetingTimes.Format(utc, zoneId);

    /// <summary>When a member first joined, in UTC ("10:02 UTC").</summary>
    public static string JoinedAt(AttendanceRow row) => row.FirstJoinedAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";

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

    /// <summary>The summary as Markdown, in the current language; members' own words are escaped, never translated.</summary>
    public string ToMarkdown(IStringLocalizer t)
    {
        string Say(string key, params object[] arguments) => t[key, arguments].Value;
        var md = new StringBuilder();
        md.Append("# ").Append(Say("{0}: meeting summary", Set.Name)).Append("\n\n");
        md.Append("- ").Append(Say("When: {0}", TimeInText(Meeting.StartsAt, Meeting.TimeZone))).Append('\n');
        md.Append("- ").Append(t.Plural(Meeting.DurationMinutes, "Planned length: {0} minutes")).Append('\n');
        md.Append("- ").Append(Set.FacilitatorName.Length > 0 ? Say("Facilitator") + ": " + Set.FacilitatorName : Say("Facilitator: none")).Append("\n\n");
        md.Append("## ").Append(Say("Attendance")).Append("\n\n");
        var attended = Attendance.Select(a => a.MemberId).ToHashSet();
        foreach (var row in Attendance)
        {
            var joined = IsLate(row) ? "{0}: joined {1} (late)" : "{0}: joined {1}";
            md.Append("- ").Append(Say(joined, Escape(row.DisplayName), JoinedAt(row))).Append('\n');
        }
        foreach (var member in Members.Where(m => !attended.Contains(m.MemberId)))
        {
            md.Append("- ").Append(Say("{0}: absent", Escape(member.DisplayName))).Append('\n');
        }
        md.Append("\n## ").Append(Say("Timings")).Append("\n\n");
        md.Append("| ").Append(Say("Part")).Append(" | ").Append(Say("Presenter")).Append(" | ").Append(Say("Started (UTC)")).Append(" | ").Append(Say("Length"))
            .Append(" |\n|---|---|---|---|\n");
        foreach (var row in Timings)
        {
            var phase = MeetingPhases.Label(Enum.Parse<MeetingPhase>(row.Phase), t);
            md.Append(CultureInfo.InvariantCulture, $"| {phase} | {Escape(row.PresenterName)} | {row.StartedAt.UtcDateTime:HH:mm} | {Minutes(row, t)} |\n");
        }
        md.Append("\n## ").Append(Say("Presenters")).Append("\n\n");
        md.Append(Presenters.Count == 0 ? Say("Nobody presented.") + "\n" : string.Join("", Presenters.Select(p => $"- {Escape(p)}\n")));
        md.Append("\n## ").Append(Say("Actions agreed")).Append("\n\n");
        md.Append(Actions.Count == 0 ? Say("None.") + "\n" : string.Join("", Actions.Select(a => $"- {Escape(a.OwnerName)}: {Escape(a.Text)}\n")));
        md.Append("\n## ").Append(Say("Actions reviewed")).Append("\n\n");
        md.Append(Reviewed.Count == 0 ? Say("None.") + "\n" : string.Join("", Reviewed.Select(a =>
        {
            var status = Say(ActionStatuses.Label(a.Status));
            var note = string.IsNullOrEmpty(a.StatusNote) ? "" : ": " + Escape(a.StatusNote);
            return $"- {Escape(a.OwnerName)}: {Escape(a.Text)} — {status}{note}\n";
        })));
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
