using Dapper;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Tests.Data;

public sealed class UtcDateTimeOffsetHandlerTests
{
    private static readonly DateTimeOffset[] Times =
    [
        new(2024, 2, 5, 21, 2, 44, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 24, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
        new DateTimeOffset(2025, 6, 30, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1),
        DateTimeOffset.MinValue,
        new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero),
    ];

    [TestCaseSource(nameof(Times))]
    public void WrittenText_ReadsBack_AsTheSameInstant_InUtc(DateTimeOffset time)
    {
        var read = UtcDateTimeOffsetHandler.ParseText(UtcDateTimeOffsetHandler.ToText(time));

        Assert.That(read.UtcTicks, Is.EqualTo(time.UtcTicks));
        Assert.That(read.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    /// <summary>Text the site did not write takes the general parser, and a time without a zone is UTC, never the server's local time.</summary>
    [TestCase("2024-01-02 03:04:05", "2024-01-02T03:04:05.0000000+00:00")]
    [TestCase("2024-01-02T03:04:05.1234567", "2024-01-02T03:04:05.1234567+00:00")]
    [TestCase("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.0000000+00:00")]
    [TestCase("2024-01-02T03:04:05.1234567+02:00", "2024-01-02T01:04:05.1234567+00:00")]
    public void OtherText_IsReadAsUtc(string text, string expected)
    {
        var read = UtcDateTimeOffsetHandler.ParseText(text);

        Assert.That(read.ToString("O"), Is.EqualTo(expected));
    }

    /// <summary>The round-trip parser reads a time without a zone as local time; on a server that is not on UTC it must still be UTC.</summary>
    [Test]
    [NonParallelizable]
    public void TimeWithoutZone_IsUtc_OnAServerThatIsNot()
    {
        var zone = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", "Pacific/Auckland");
        TimeZoneInfo.ClearCachedData();
        try
        {
            Assert.That(TimeZoneInfo.Local.GetUtcOffset(new DateTime(2024, 1, 2)), Is.EqualTo(TimeSpan.FromHours(13)), "the server's zone for this test");

            Assert.That(UtcDateTimeOffsetHandler.ParseText("2024-01-02T03:04:05.1234567").ToString("O"), Is.EqualTo("2024-01-02T03:04:05.1234567+00:00"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
        }
    }

    [Test]
    public void NotATime_IsRefused()
    {
        Assert.Throws<FormatException>(() => UtcDateTimeOffsetHandler.ParseText("soon"));
        Assert.Throws<FormatException>(() => UtcDateTimeOffsetHandler.ParseText("2024-13-02T03:04:05.0000000Z"));
    }

    /// <summary>Through Dapper and SQLite, as every store reads: the site's own text and SQLite's datetime() alike.</summary>
    [Test]
    public async Task Dapper_ReadsStoredText_ThroughTheHandler()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.OpenAsync();
        var written = new DateTimeOffset(2024, 2, 5, 21, 2, 44, TimeSpan.Zero).AddTicks(1_234_567);

        var row = await connection.QuerySingleAsync<(DateTimeOffset Written, DateTimeOffset Sqlite)>(
            "SELECT @Written, datetime('2024-02-05 21:02:44')", new { Written = written });

        Assert.That(row.Written, Is.EqualTo(written));
        Assert.That(row.Sqlite, Is.EqualTo(new DateTimeOffset(2024, 2, 5, 21, 2, 44, TimeSpan.Zero)));
    }
}
