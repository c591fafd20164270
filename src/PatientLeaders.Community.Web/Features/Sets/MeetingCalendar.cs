using System.Globalization;
using System.Text;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>An RFC 5545 invitation for one meeting and one attendee. Times in UTC, so every calendar converts them.</summary>
public static class MeetingCalendar
{
    public static string Invitation(MeetingMailView meeting, string roomUrl, string host, string organizerAddress, string attendeeAddress, string attendeeName, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Patient Leaders Community//Action learning sets//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            $"UID:set-{meeting.SetId}-meeting-{meeting.Id}@{host}",
            "SEQUENCE:0",
            $"DTSTAMP:{Utc(stamp)}",
            $"DTSTART:{Utc(meeting.StartsAt)}",
            $"DTEND:{Utc(meeting.StartsAt.AddMinutes(meeting.DurationMinutes))}",
            $"SUMMARY:{Escape(meeting.SetName + " – action learning set meeting")}",
            $"DESCRIPTION:{Escape("Join the set's room: " + roomUrl)}",
            $"URL:{roomUrl}",
            $"ORGANIZER;CN=Patient Leaders Community:mailto:{organizerAddress}",
            $"ATTENDEE;CN={Escape(attendeeName)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{attendeeAddress}",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }
        return builder.ToString();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11); control characters are dropped.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case ';': builder.Append("\\;"); break;
                case ',': builder.Append("\\,"); break;
                case '\n': builder.Append("\\n"); break;
                case '"': builder.Append('\''); break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1).</summary>
    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                builder.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            builder.Append(rune.ToString());
            octets += size;
        }
        builder.Append("\r\n");
    }
}
