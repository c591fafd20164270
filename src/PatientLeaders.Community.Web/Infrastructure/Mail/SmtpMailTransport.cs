using System.Net;
using System.Net.Mail;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>Sends through an SMTP relay with System.Net.Mail; a new client per message keeps it simple and thread-safe.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var mail = MailMessageFactory.Create(message, options);
        var smtp = options.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            Timeout = (int)options.SendTimeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }
        await client.SendMailAsync(mail, ct);
    }
}
