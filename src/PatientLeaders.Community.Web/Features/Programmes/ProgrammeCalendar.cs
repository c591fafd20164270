using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// One RFC 5545 calendar with every session of a cohort, written by Ical.Net. Each session's UID names the cohort and
/// the session, and the sequence rises with each change, so an update replaces the earlier entry in the calendar.
/// </summary>
public static class ProgrammeCalendar
{
    public const string ProductId = "-//Patient Leaders Community//Learning programmes//EN";

    public static string Sessions(CohortView cohort, IReadOnlyList<SessionView> sessions, Func<SessionView, string> title, string cohortUrl,
        string host, string organizerAddress, string attendeeAddress, string attendeeName, DateTimeOffset stamp, int sequence = 0)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = CalendarMethods.Request };
        foreach (var session in sessions)
        {
            var entry = new CalendarEvent
            {
                Uid = $"cohort-{cohort.Id}-session-{session.Id}@{host}",
                Sequence = sequence,
                DtStamp = Utc(stamp),
                DtStart = Utc(session.StartsAt),
                DtEnd = Utc(session.StartsAt.AddMinutes(session.DurationMinutes)),
                Summary = title(session),
                Description = cohortUrl,
                Url = new Uri(cohortUrl),
                Location = cohort.Venue.Length > 0 ? cohort.Venue : null,
                Organizer = new Organizer("mailto:" + organizerAddress) { CommonName = "Patient Leaders Community" },
                Status = EventStatus.Confirmed,
            };
            entry.Attendees.Add(new Attendee("mailto:" + attendeeAddress)
            {
                // A parameter value cannot hold a double quote (RFC 5545 3.2).
                CommonName = attendeeName.Replace('"', '\''),
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = EventParticipationStatus.Accepted,
                Rsvp = false,
            });
            calendar.Events.Add(entry);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Utc(DateTimeOffset time) => new(time.UtcDateTime);
}
