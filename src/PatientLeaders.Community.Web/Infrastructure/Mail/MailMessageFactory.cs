using System.Globalization;
using System.Text;
using MimeKit;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// Builds the one shape of message every transport sends, with MimeKit: plain text in UTF-8 (quoted-printable, so
/// mostly-ASCII text stays readable in .eml files and mail sources), one recipient, and optionally an invite.ics.
/// </summary>
internal static class MailMessageFactory
{
    public static MimeMessage Create(OutboxMessage message, MailOptions options)
    {
        // Defence in depth: rows normally passed this check at enqueue, but the transport must not trust that.
        MailValidation.Validate(message);
        var from = new MailboxAddress(Encoding.UTF8, options.FromName, options.FromAddress);
        var mail = new MimeMessage();
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(Encoding.UTF8, message.ToName, message.ToAddress));
        mail.Subject = message.Subject;
        // Stable across retries, so a copy re-sent after a crash (see OutboxSender) can be recognised.
        mail.MessageId = string.Create(CultureInfo.InvariantCulture,
            $"outbox.{message.Id}.{message.CreatedAt.UtcTicks}@{from.Domain}");

        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        text.SetText(Encoding.UTF8, NormalizeLineEndings(message.TextBody));
        mail.Body = message.CalendarAttachment is { Length: > 0 } calendar
            ? new Multipart("mixed") { text, CalendarAttachment(calendar) }
            : text;

        // RFC 8058 one-click unsubscribe, for list mail only (account mail has no address here and must not carry it).
        if (message.ListUnsubscribe is { Length: > 0 } unsubscribe)
        {
            mail.Headers.Add("List-Unsubscribe", "<" + unsubscribe + ">");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return mail;
    }

    /// <summary>RFC 5545 wants CRLF line ends; Outlook and Google read method=REQUEST as an invitation.</summary>
    private static MimePart CalendarAttachment(string calendar)
    {
        var part = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(NormalizeLineEndings(calendar)))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        part.ContentType.Parameters.Add("method", "REQUEST");
        part.ContentType.Charset = "utf-8";
        return part;
    }

    private static string NormalizeLineEndings(string text) =>
        text.ReplaceLineEndings("\r\n");
}
