namespace PatientLeaders.Community.Web.Infrastructure.Mail;

public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, long? MemberId = null);
