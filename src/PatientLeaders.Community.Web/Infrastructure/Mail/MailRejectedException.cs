namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// The mail server refused this message for good (an SMTP 5xx reply, such as an unknown recipient). The sender marks
/// the message failed at once with the server's reason instead of retrying it.
/// </summary>
public sealed class MailRejectedException(string message, Exception inner) : Exception(message, inner);
