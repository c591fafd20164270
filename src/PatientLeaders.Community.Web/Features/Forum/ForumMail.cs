using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>A member an email goes to, read inside the transaction that causes it.</summary>
public sealed record MailRecipient(long Id, string Email, string DisplayName);

/// <summary>What one immediate mail is about: who wrote what, where.</summary>
/// <summary>One post in a digest, its text already rendered and reduced to plain text.</summary>
public sealed record DigestPost(long PostId, long ThreadId, string ThreadTitle, string? AuthorName, string PlainText, string ContentNote);

public sealed record ImmediateMailFacts(bool IsMention, string ThreadTitle, string AuthorName, string PlainText, string ContentNote, long PostId);

/// <summary>
/// The words of forum emails. Email is a first-class way to take part: each mail carries the thread, who wrote,
/// the post as plain text (trimmed) and a link, so the conversation can be followed from the inbox. A post with a
/// content note is not quoted: the note is shown and the reader chooses to open it. Every forum mail is list mail:
/// it carries one-click unsubscribe headers (RFC 8058) and a visible unsubscribe link.
/// </summary>
public sealed class ForumMail(IOptions<AccountOptions> account, UnsubscribeTokens tokens)
{
    public const int ExcerptLength = 1500;

    /// <summary>Digests quote less of each post, so a busy week stays readable.</summary>
    public const int DigestExcerptLength = 300;

    public string Link(string path) => account.Value.BaseUrl.TrimEnd('/') + path;

    public string UnsubscribeUrl(long memberId, string list) => Link("/unsubscribe/" + tokens.For(memberId, list));

    public OutgoingMail Immediate(MailRecipient to, ImmediateMailFacts post)
    {
        var title = OneLine(post.ThreadTitle);
        var author = OneLine(post.AuthorName);
        var subject = post.IsMention ? $"{author} mentioned you in “{title}”" : $"{author} replied to you in “{title}”";
        var unsubscribe = UnsubscribeUrl(to.Id, MailingLists.Immediate);
        var body = $"""
            Hello {to.DisplayName},

            {(post.IsMention ? $"{author} mentioned you" : $"{author} replied to your post")} in the thread “{title}”:

            {Excerpt(post.PlainText, post.ContentNote, ExcerptLength)}

            Read the whole post and reply:
            {Link(ForumUrls.Permalink(post.PostId))}

            {Footer("You get these emails because your setting “Email me at once when someone mentions me or replies to me” is on.", unsubscribe)}
            """;
        return new OutgoingMail(to.Email, OneLine(to.DisplayName), Subject(subject), body, to.Id, ListUnsubscribe: unsubscribe);
    }

    public OutgoingMail Digest(MailRecipient to, string periodLabel, IReadOnlyList<DigestPost> posts, bool more)
    {
        var unsubscribe = UnsubscribeUrl(to.Id, MailingLists.Digest);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Hello {to.DisplayName},\n\nNew posts {periodLabel} in the threads and categories you follow:\n");
        foreach (var thread in posts.GroupBy(p => (p.ThreadId, p.ThreadTitle)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n== {OneLine(thread.Key.ThreadTitle)} ==\n");
            foreach (var post in thread)
            {
                var author = OneLine(post.AuthorName ?? "Former member");
                text.Append(CultureInfo.InvariantCulture, $"\n{author} wrote:\n{Excerpt(post.PlainText, post.ContentNote, DigestExcerptLength)}\n{Link(ForumUrls.Permalink(post.PostId))}\n");
            }
        }
        if (more)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n…and more. See everything new in the forum: {Link("/forum")}\n");
        }
        text.Append('\n').Append(Footer("You get this digest because of your digest setting. Mentions and replies have their own setting.", unsubscribe)).Append('\n');
        var count = posts.Count.ToString(CultureInfo.InvariantCulture) + (more ? "+" : "");
        var subject = $"Forum digest: {count} new post{(posts.Count == 1 && !more ? "" : "s")} {periodLabel}";
        return new OutgoingMail(to.Email, OneLine(to.DisplayName), Subject(subject), text.ToString(), to.Id, ListUnsubscribe: unsubscribe);
    }

    private string Footer(string why, string unsubscribe) => $"""
        --
        {why}
        Stop these emails (one click, no sign-in): {unsubscribe}
        Your email settings: {Link("/account/settings")}
        Patient Leaders Community
        """;

    /// <summary>The post as quoted text, cut at a word near <paramref name="length"/> characters.</summary>
    public static string Excerpt(string plainText, string contentNote, int length = ExcerptLength)
    {
        if (contentNote.Trim().Length > 0)
        {
            return $"(This post has a content note: {OneLine(contentNote)}. Open the link to read it.)";
        }
        var text = plainText.Trim();
        if (text.Length > length)
        {
            var cut = text.LastIndexOf(' ', length);
            text = text[..(cut > length / 2 ? cut : length)].TrimEnd() + " …";
        }
        return string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));
    }

    /// <summary>Header fields must be one line; the outbox refuses anything else.</summary>
    public static string OneLine(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)).Trim();

    private static string Subject(string subject)
    {
        var line = OneLine(subject);
        return line.Length <= 250 ? line : line[..249] + "…";
    }
}
