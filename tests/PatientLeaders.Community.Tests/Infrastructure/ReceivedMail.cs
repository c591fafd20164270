namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>A mail as a recipient would read it: headers decoded, Body the decoded plain text with \n line ends.</summary>
public sealed record ReceivedMail
{
    /// <summary>The address in the To header.</summary>
    public required string To { get; init; }

    /// <summary>The display name in the To header, decoded; empty when there is none.</summary>
    public required string ToName { get; init; }

    /// <summary>The address in the From header.</summary>
    public required string From { get; init; }

    public required string FromName { get; init; }

    public required string Subject { get; init; }

    /// <summary>The first text/plain part, transfer-decoded and charset-decoded, line ends normalised to \n.</summary>
    public required string Body { get; init; }

    /// <summary>RCPT TO addresses as the SMTP server saw them (aiosmtpd's X-RcptTo); empty for .eml files.</summary>
    public required IReadOnlyList<string> EnvelopeRecipients { get; init; }

    /// <summary>Every header, unfolded and decoded, in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The message source exactly as stored.</summary>
    public required string Raw { get; init; }

    public string? FilePath { get; init; }

    /// <summary>Every non-multipart part after the body that is an attachment or a text/calendar part, decoded.</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public IReadOnlyList<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    public static ReceivedMail FromFile(string path) => MimeReader.Read(File.ReadAllBytes(path)) with { FilePath = path };
}

/// <summary>One attached part: its media type (lower case, no parameters), file name and decoded text.</summary>
public sealed record MailAttachment(string MediaType, string FileName, string Text, string ContentTypeHeader);
