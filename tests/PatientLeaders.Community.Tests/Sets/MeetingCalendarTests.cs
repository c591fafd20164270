using Ical.Net;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

public sealed class MeetingCalendarTests
{
    private static readonly MeetingMailView Meeting = new()
    {
        Id = 7,
        SetId = 3,
        SetName = "Carers, \"leaders\"; and\nfriends – Café",
        StartsAt = new DateTimeOffset(2030, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)),
        DurationMinutes = 150,
        TimeZone = "Europe/Paris",
    };

    private static string Write(string attendeeName = "Siân O'Neil, MBE") => MeetingCalendar.Invitation(
        Meeting, "https://community.example.org/sets/3/room", "community.example.org", "community@example.org",
        "sian@example.org", attendeeName, new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Test]
    public void Invitation_ReadBackByAParser_KeepsEveryField()
    {
        var text = Write();

        var calendar = Calendar.Load(text)!;
        var invitation = calendar.Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(calendar.Method, Is.EqualTo("REQUEST"));
            Assert.That(calendar.ProductId, Is.EqualTo(MeetingCalendar.ProductId));
            Assert.That(invitation.Uid, Is.EqualTo("set-3-meeting-7@community.example.org"), "the same UID, so calendars update the one event");
            Assert.That(invitation.Sequence, Is.Zero);
            Assert.That(invitation.Summary, Is.EqualTo(Meeting.SetName + " – action learning set meeting"), "commas, semicolons, quotes and line breaks survive");
            Assert.That(invitation.Attendees.Single().CommonName, Is.EqualTo("Siân O'Neil, MBE"));
            Assert.That(Calendar.Load(Write("Sam \"Sunny\" Lee"))!.Events.Single().Attendees.Single().CommonName, Is.EqualTo("Sam 'Sunny' Lee"));
            Assert.That(invitation.Attendees.Single().Value, Is.EqualTo(new Uri("mailto:sian@example.org")));
            Assert.That(invitation.Organizer!.Value, Is.EqualTo(new Uri("mailto:community@example.org")));
            Assert.That(invitation.Url, Is.EqualTo(new Uri("https://community.example.org/sets/3/room")));
        });
    }

    [Test]
    public void Invitation_Text_UtcTimesCrlfAndFoldedLines()
    {
        var text = Write(new string('x', 200));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("DTSTART:20300304T090000Z\r\n"));
            Assert.That(text, Does.Contain("DTEND:20300304T113000Z\r\n"));
            Assert.That(text, Does.Contain("DTSTAMP:20300102T030405Z\r\n"));
            Assert.That(text, Does.Contain("SEQUENCE:0\r\n"));
            Assert.That(text.Split("\r\n").Select(line => System.Text.Encoding.UTF8.GetByteCount(line)), Has.All.LessThanOrEqualTo(75));
        });
    }
}
