using System.Text;
using System.Text.RegularExpressions;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>
/// Just enough MIME to read what System.Net.Mail writes (and aiosmtpd stores): unfolded headers with RFC 2047
/// encoded words (B and Q), quoted-printable / base64 / 7bit / 8bit bodies in any .NET-known charset, and
/// multipart messages (the first text/plain part is the body; attachments are listed). Not a general-purpose parser.
/// </summary>
public static partial class MimeReader
{
    public static ReceivedMail Read(byte[] source)
    {
        // Latin-1 maps bytes to chars one to one, so 8bit bodies survive until their charset is known.
        var raw = Encoding.Latin1.GetString(source);
        var (headers, body) = SplitEntity(raw.Replace("\r\n", "\n"));
        var decoded = headers.Select(h => KeyValuePair.Create(h.Key, DecodeHeader(h.Value))).ToList();
        string Get(string name) =>
            decoded.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
        var (to, toName) = ParseMailbox(Get("To"));
        var (from, fromName) = ParseMailbox(Get("From"));
        var envelope = Get("X-RcptTo")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ReceivedMail
        {
            To = to,
            ToName = toName,
            From = from,
            FromName = fromName,
            Subject = Get("Subject"),
            Body = FindTextBody(headers, body) ?? "",
            EnvelopeRecipients = envelope,
            Headers = decoded,
            Raw = Encoding.UTF8.GetString(source),
            Attachments = FindAttachments(headers, body),
        };
    }

    /// <summary>Decodes RFC 2047 encoded words; whitespace between two encoded words is dropped, as the RFC says.</summary>
    public static string DecodeHeader(string value)
    {
        var output = new StringBuilder();
        var pending = new List<byte>();
        string? pendingCharset = null;
        var position = 0;

        void Flush()
        {
            if (pendingCharset is not null)
            {
                output.Append(CharsetEncoding(pendingCharset).GetString(pending.ToArray()));
                pending.Clear();
                pendingCharset = null;
            }
        }

        foreach (Match word in EncodedWord().Matches(value))
        {
            var between = value[position..word.Index];
            if (pendingCharset is null || between.Trim().Length > 0)
            {
                Flush();
                output.Append(between);
            }
            var charset = word.Groups["charset"].Value;
            if (pendingCharset is not null && !string.Equals(pendingCharset, charset, StringComparison.OrdinalIgnoreCase))
            {
                Flush();
            }
            pendingCharset = charset;
            var text = word.Groups["text"].Value;
            pending.AddRange(word.Groups["encoding"].Value is "B" or "b"
                ? Convert.FromBase64String(text)
                : DecodeQuotedPrintable(text.Replace('_', ' ')));
            position = word.Index + word.Length;
        }
        Flush();
        output.Append(value[position..]);
        return output.ToString();
    }

    public static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '=')
            {
                bytes.Add((byte)c);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                continue;
            }
            if (i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            bytes.Add((byte)c);
        }
        return bytes.ToArray();
    }

    private static string? FindTextBody(IReadOnlyList<KeyValuePair<string, string>> headers, string body)
    {
        var (mediaType, parameters) = ParseContentType(Find(headers, "Content-Type") ?? "text/plain");
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal) && parameters.TryGetValue("boundary", out var boundary))
        {
            foreach (var part in SplitMultipart(body, boundary))
            {
                var (partHeaders, partBody) = SplitEntity(part);
                if (FindTextBody(partHeaders, partBody) is { } text)
                {
                    return text;
                }
            }
            return null;
        }
        if (mediaType != "text/plain")
        {
            return null;
        }
        var transfer = (Find(headers, "Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
        var bytes = transfer switch
        {
            "quoted-printable" => DecodeQuotedPrintable(body),
            "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            _ => Encoding.Latin1.GetBytes(body),
        };
        var charset = parameters.GetValueOrDefault("charset", "us-ascii");
        return CharsetEncoding(charset).GetString(bytes).ReplaceLineEndings("\n");
    }

    private static List<MailAttachment> FindAttachments(IReadOnlyList<KeyValuePair<string, string>> headers, string body)
    {
        var found = new List<MailAttachment>();
        var contentType = Find(headers, "Content-Type") ?? "text/plain";
        var (mediaType, parameters) = ParseContentType(contentType);
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal) && parameters.TryGetValue("boundary", out var boundary))
        {
            foreach (var part in SplitMultipart(body, boundary))
            {
                var (partHeaders, partBody) = SplitEntity(part);
                found.AddRange(FindAttachments(partHeaders, partBody));
            }
            return found;
        }
        var disposition = Find(headers, "Content-Disposition") ?? "";
        if (!disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase) && mediaType != "text/calendar")
        {
            return found;
        }
        var (_, dispositionParameters) = ParseContentType("x/x;" + (disposition.Contains(';') ? disposition[(disposition.IndexOf(';') + 1)..] : ""));
        var fileName = dispositionParameters.GetValueOrDefault("filename") ?? parameters.GetValueOrDefault("name") ?? "";
        found.Add(new MailAttachment(mediaType, DecodeHeader(fileName), DecodeText(headers, body, parameters.GetValueOrDefault("charset", "us-ascii")), DecodeHeader(contentType)));
        return found;
    }

    private static string DecodeText(IReadOnlyList<KeyValuePair<string, string>> headers, string body, string charset)
    {
        var transfer = (Find(headers, "Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
        var bytes = transfer switch
        {
            "quoted-printable" => DecodeQuotedPrintable(body),
            "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            _ => Encoding.Latin1.GetBytes(body),
        };
        return CharsetEncoding(charset).GetString(bytes);
    }

    private static IEnumerable<string> SplitMultipart(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var lines = body.Split('\n');
        StringBuilder? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith(delimiter, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    var text = current.ToString();
                    yield return text.EndsWith('\n') ? text[..^1] : text;
                }
                if (line.TrimEnd().EndsWith(delimiter + "--", StringComparison.Ordinal))
                {
                    yield break;
                }
                current = new StringBuilder();
                continue;
            }
            current?.Append(line).Append('\n');
        }
    }

    /// <summary>Headers (unfolded, still encoded) and body of one entity; expects \n line ends.</summary>
    private static (IReadOnlyList<KeyValuePair<string, string>> Headers, string Body) SplitEntity(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? "" : text[(end + 2)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = KeyValuePair.Create(last.Key, last.Value + line);
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers.Add(KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }
        // Unfolded values are trimmed too: a writer may fold right after the colon (MimeKit does, for long values).
        return (headers.Select(h => KeyValuePair.Create(h.Key, h.Value.Trim())).ToList(), body);
    }

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static (string MediaType, Dictionary<string, string> Parameters) ParseContentType(string value)
    {
        var parts = value.Split(';');
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                parameters[part[..equals].Trim()] = part[(equals + 1)..].Trim().Trim('"');
            }
        }
        return (parts[0].Trim().ToLowerInvariant(), parameters);
    }

    /// <summary>"Name" &lt;a@b&gt;, Name &lt;a@b&gt; or a@b; one mailbox is all the outbox ever writes.</summary>
    private static (string Address, string Name) ParseMailbox(string value)
    {
        var open = value.LastIndexOf('<');
        var close = value.LastIndexOf('>');
        if (open < 0 || close < open)
        {
            return (value.Trim(), "");
        }
        var name = value[..open].Trim();
        if (name.Length >= 2 && name[0] == '"' && name[^1] == '"')
        {
            name = name[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\");
        }
        return (value[(open + 1)..close].Trim(), name);
    }

    private static Encoding CharsetEncoding(string charset) => Encoding.GetEncoding(charset.Trim());

    [GeneratedRegex(@"=\?(?<charset>[^?\s]+)\?(?<encoding>[BbQq])\?(?<text>[^?\s]*)\?=")]
    private static partial Regex EncodedWord();
}
