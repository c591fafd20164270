using System.Globalization;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>Builds the one shape of message every transport sends: plain text, UTF-8, one recipient, and optionally an invite.ics.</summary>
internal static class MailMessageFactory
{
    public static MailMessage Create(OutboxMessage message, MailOptions options)
    {
        // Defence in depth: rows normally passed this check at enqueue, but the transport must not trust that.
        MailValidation.Validate(message);
        var from = new MailAddress(options.FromAddress, options.FromName, Encoding.UTF8);
        var mail = new MailMessage
        {
            From = from,
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = NormalizeLineEndings(message.TextBody),
            BodyEncoding = Encoding.UTF8,
            // Quoted-printable keeps mostly-ASCII text readable in .eml files and mail sources.
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };
        try
        {
            mail.To.Add(message.ToName.Length == 0
                ? new MailAddress(message.ToAddress)
                : new MailAddress(message.ToAddress, message.ToName, Encoding.UTF8));
            // Stable across retries, so a copy re-sent after a crash (see OutboxSender) can be recognised.
            mail.Headers.Add("Message-ID", string.Create(CultureInfo.InvariantCulture,
                $"<outbox.{message.Id}.{message.CreatedAt.UtcTicks}@{from.Host}>"));
            if (message.CalendarAttachment is { Length: > 0 } calendar)
            {
                mail.Attachments.Add(CalendarAttachment(calendar));
            }
            // RFC 8058 one-click unsubscribe, for list mail only (account mail has no address here and must not carry it).
            if (message.ListUnsubscribe is { Length: > 0 } unsubscribe)
            {
                mail.Headers.Add("List-Unsubscribe", "<" + unsubscribe + ">");
                mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            return mail;
        }
        catch
        {
            mail.Dispose();
            throw;
        }
    }

    /// <summary>RFC 5545 wants CRLF line ends; Outlook and Google read method=REQUEST as an invitation.</summary>
    private static Attachment CalendarAttachment(string calendar)
    {
        var bytes = Encoding.UTF8.GetBytes(NormalizeLineEndings(calendar));
        var attachment = new Attachment(new MemoryStream(bytes), new ContentType("text/calendar; method=REQUEST; charset=utf-8"))
        {
            TransferEncoding = TransferEncoding.Base64,
        };
        attachment.ContentDisposition!.FileName = "invite.ics";
        attachment.ContentType.Name = "invite.ics";
        return attachment;
    }

    private static string NormalizeLineEndings(string text) =>
        text.ReplaceLineEndings("\r\n");
}
