namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>
/// A TimeProvider whose "now" moves only when a test says so. Timers and delays are not faked: they come from
/// the base class and run in real time, so a poll loop still wakes up; only GetUtcNow is under test control.
/// </summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2030, 1, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private DateTimeOffset now = start.ToUniversalTime();

    public FakeClock()
        : this(DefaultStart)
    {
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (gate)
        {
            now += by;
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (gate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, now);
            now = value.ToUniversalTime();
        }
    }
}
