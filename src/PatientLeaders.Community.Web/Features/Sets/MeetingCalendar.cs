using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// An RFC 5545 invitation for one meeting and one attendee, written by Ical.Net. Times are in UTC, so every calendar
/// converts them. The UID names the set and the meeting, so a later invitation for the same meeting replaces it.
/// Its words are in the attendee's language when <c>words</c> is given (the mail's own localizer, in their language).
/// </summary>
public static class MeetingCalendar
{
    public const string ProductId = "-//Patient Leaders Community//Action learning sets//EN";

    public static string Invitation(MeetingMailView meeting, string roomUrl, string host, string organizerAddress, string attendeeAddress, string attendeeName, DateTimeOffset stamp,
        IStringLocalizer? words = null)
    {
        string Say(string key, params object[] arguments) => words is null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, key, arguments) : words[key, arguments].Value;
        var invitation = new CalendarEvent
        {
            Uid = $"set-{meeting.SetId}-meeting-{meeting.Id}@{host}",
            Sequence = 0,
            DtStamp = Utc(stamp),
            DtStart = Utc(meeting.StartsAt),
            DtEnd = Utc(meeting.StartsAt.AddMinutes(meeting.DurationMinutes)),
            Summary = Say("{0} – action learning set meeting", meeting.SetName),
            Description = string.Join("\n", new[]
            {
                Say("Join the set's room: {0}", roomUrl),
                CallDetails.IsSafeLink(meeting.CallLink) ? Say("Or join by video call: {0}", meeting.CallLink) : null,
                meeting.DialIn.Length > 0 ? Say("Or join by phone: {0}", meeting.DialIn) : null,
            }.OfType<string>()),
            // Calendars show the location on the event itself: the call, where there is one, else the room.
            Location = CallDetails.IsSafeLink(meeting.CallLink) ? meeting.CallLink : meeting.DialIn.Length > 0 ? meeting.DialIn : roomUrl,
            Url = new Uri(roomUrl),
            Organizer = new Organizer("mailto:" + organizerAddress) { CommonName = Say("Patient Leaders Community") },
            Status = EventStatus.Confirmed,
        };
        invitation.Attendees.Add(new Attendee("mailto:" + attendeeAddress)
        {
            // A parameter value cannot hold a double quote (RFC 5545 3.2).
            CommonName = attendeeName.Replace('"', '\''),
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.NeedsAction,
            Rsvp = false,
        });

        var calendar = new Calendar { ProductId = ProductId, Method = CalendarMethods.Request };
        calendar.Events.Add(invitation);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Utc(DateTimeOffset time) => new(time.UtcDateTime);
}
