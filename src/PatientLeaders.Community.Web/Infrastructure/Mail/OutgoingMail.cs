namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// A plain-text UTF-8 mail to one recipient, as a feature hands it to <see cref="MailOutbox"/>.
/// Header fields must be single-line; the outbox refuses anything else.
/// </summary>
/// <remarks>
/// Attachments (an .ics invitation) would arrive as a new optional member here plus a nullable column in a new
/// migration; the transports build the message in one place (<see cref="MailMessageFactory"/>).
/// </remarks>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, long? MemberId = null);
