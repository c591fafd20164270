using System.Globalization;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// Where the "Latest" list's next page starts: the last thread shown, by its latest activity and id, written in the
/// address as "ticks-id". Anything else in the address is no cursor at all, so an odd link shows the first page.
/// </summary>
public sealed record LatestCursor(DateTimeOffset LastPostAt, long ThreadId)
{
    public override string ToString() =>
        LastPostAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "-" + ThreadId.ToString(CultureInfo.InvariantCulture);

    public static LatestCursor? Parse(string? text)
    {
        var parts = (text ?? "").Split('-');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || id <= 0)
        {
            return null;
        }
        return new LatestCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }

    public static LatestCursor From(ThreadListItem thread) => new(thread.LastPostAt, thread.Id);
}
