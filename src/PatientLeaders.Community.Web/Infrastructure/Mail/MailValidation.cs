using System.Net.Mail;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// One set of rules for what may reach a mail header, applied at enqueue (so the caller's transaction fails)
/// and again in the transports (so a row written some other way cannot inject headers either).
/// </summary>
internal static class MailValidation
{
    // Column sizes in 0003_create_mail_outbox.sql (SQL Server).
    public const int MaxAddressLength = 320;
    public const int MaxNameLength = 200;
    public const int MaxSubjectLength = 300;
    public const int MaxListUnsubscribeLength = 1000;

    public static void Validate(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Validate(mail.ToAddress, mail.ToName, mail.Subject, mail.TextBody);
        ValidateListUnsubscribe(mail.ListUnsubscribe);
    }

    public static void Validate(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Validate(message.ToAddress, message.ToName, message.Subject, message.TextBody);
        ValidateListUnsubscribe(message.ListUnsubscribe);
    }

    /// <summary>
    /// RFC 8058 wants an https URI, which goes inside angle brackets in the header: one line, absolute, no brackets,
    /// spaces or commas. (http is allowed only for a development site on localhost.)
    /// </summary>
    private static void ValidateListUnsubscribe(string? url)
    {
        if (url is null)
        {
            return;
        }
        EnsureHeaderValue(url, "ListUnsubscribe", MaxListUnsubscribeLength);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || url.IndexOfAny(['<', '>', ' ', ',', '"']) >= 0)
        {
            throw new ArgumentException("ListUnsubscribe must be an absolute https address.", "ListUnsubscribe");
        }
    }

    private static void Validate(string? toAddress, string? toName, string? subject, string? textBody)
    {
        EnsureHeaderValue(toAddress, "ToAddress", MaxAddressLength);
        EnsureHeaderValue(toName, "ToName", MaxNameLength);
        EnsureHeaderValue(subject, "Subject", MaxSubjectLength);
        if (textBody is null)
        {
            throw new ArgumentException("TextBody is required.", "TextBody");
        }
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new ArgumentException("Subject is required.", "Subject");
        }
        // Exactly one bare address: "Name <a@b>" or a list would let a caller pick extra recipients.
        if (!MailAddress.TryCreate(toAddress, out var parsed)
            || parsed.DisplayName.Length > 0
            || !string.Equals(parsed.Address, toAddress, StringComparison.Ordinal))
        {
            throw new ArgumentException("ToAddress must be a single e-mail address.", "ToAddress");
        }
    }

    /// <summary>Messages never echo the value: it may be personal data, and it ends up in LastError.</summary>
    private static void EnsureHeaderValue(string? value, string name, int maxLength)
    {
        if (value is null)
        {
            throw new ArgumentException($"{name} is required.", name);
        }
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{name} is longer than {maxLength} characters.", name);
        }
        foreach (var c in value)
        {
            // CR and LF are the injection; other controls (NUL, tab, NEL) have no business in a header either.
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                throw new ArgumentException($"{name} must be a single line without control characters.", name);
            }
        }
    }
}
