namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// A plain-text UTF-8 mail to one recipient, as a feature hands it to <see cref="MailOutbox"/>.
/// Header fields must be single-line; the outbox refuses anything else.
/// </summary>
/// <param name="CalendarAttachment">An optional iCalendar document (RFC 5545), sent as an invite.ics attachment
/// of type text/calendar; <see cref="MailMessageFactory"/> builds it for every transport.</param>
/// <param name="ListUnsubscribe">For list mail (forum notifications and digests) only: the absolute https address of a
/// one-click unsubscribe endpoint (RFC 8058), sent as List-Unsubscribe with List-Unsubscribe-Post. Account mail has none.</param>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, long? MemberId = null, string? CalendarAttachment = null,
    string? ListUnsubscribe = null);
