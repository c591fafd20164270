using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Forum.Email;

/// <summary>A member an email goes to, read inside the transaction that causes it.</summary>
/// <param name="Language">Their saved language: mail is written in it, whatever the language of the request or job that sends it.</param>
public sealed record MailRecipient(long Id, string Email, string DisplayName, string? Language = null);

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
public sealed class ForumMail(IOptions<AccountOptions> account, UnsubscribeTokens tokens, IStringLocalizer<SharedResource> localizer)
{
    public const int ExcerptLength = 1500;

    /// <summary>Digests quote less of each post, so a busy week stays readable.</summary>
    public const int DigestExcerptLength = 300;

    public string Link(string path) => account.Value.BaseUrl.TrimEnd('/') + path;

    public string UnsubscribeUrl(long memberId, string list) => Link("/unsubscribe/" + tokens.For(memberId, list));

    public OutgoingMail Immediate(MailRecipient to, ImmediateMailFacts post) => SiteCultures.In(to.Language, () =>
    {
        var l = localizer;
        var title = OneLine(post.ThreadTitle);
        var author = OneLine(post.AuthorName);
        var subject = post.IsMention ? l["{0} mentioned you in “{1}”", author, title] : l["{0} replied to you in “{1}”", author, title];
        var unsubscribe = UnsubscribeUrl(to.Id, MailingLists.Immediate);
        var body = $"""
            {l["Hello {0},", to.DisplayName]}

            {(post.IsMention ? l["{0} mentioned you in the thread “{1}”:", author, title] : l["{0} replied to your post in the thread “{1}”:", author, title])}

            {Excerpt(post.PlainText, post.ContentNote, ExcerptLength)}

            {l["Read the whole post and reply:"]}
            {Link(ForumUrls.Permalink(post.PostId))}

            {Footer(l["You get these emails because your setting “Email me at once when someone mentions me or replies to me” is on."], unsubscribe)}
            """;
        return new OutgoingMail(to.Email, OneLine(to.DisplayName), Subject(subject), body, to.Id, ListUnsubscribe: unsubscribe);
    });

    public OutgoingMail Digest(MailRecipient to, DigestPeriod period, IReadOnlyList<DigestPost> posts, bool more) => SiteCultures.In(to.Language, () =>
    {
        var l = localizer;
        var when = l[period.Label, period.Date.ToString(l[DigestPeriod.DayFormat], CultureInfo.CurrentCulture)].Value;
        var unsubscribe = UnsubscribeUrl(to.Id, MailingLists.Digest);
        var text = new StringBuilder();
        text.Append(l["Hello {0},", to.DisplayName]).Append("\n\n").Append(l["New posts {0} in the threads and categories you follow:", when]).Append('\n');
        foreach (var thread in posts.GroupBy(p => (p.ThreadId, p.ThreadTitle)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n== {OneLine(thread.Key.ThreadTitle)} ==\n");
            foreach (var post in thread)
            {
                var author = OneLine(post.AuthorName ?? l["Former member"]);
                text.Append(CultureInfo.InvariantCulture, $"\n{l["{0} wrote:", author]}\n{Excerpt(post.PlainText, post.ContentNote, DigestExcerptLength)}\n{Link(ForumUrls.Permalink(post.PostId))}\n");
            }
        }
        if (more)
        {
            text.Append('\n').Append(l["…and more. See everything new in the forum: {0}", Link("/forum")]).Append('\n');
        }
        text.Append('\n').Append(Footer(l["You get this digest because of your digest setting. Mentions and replies have their own setting."], unsubscribe)).Append('\n');
        var subject = more ? l["Forum digest: more than {0} new posts {1}", posts.Count.ToString("N0", CultureInfo.CurrentCulture), when].Value
            : l.Plural(posts.Count, "Forum digest: {0} new posts {1}", when);
        return new OutgoingMail(to.Email, OneLine(to.DisplayName), Subject(subject), text.ToString(), to.Id, ListUnsubscribe: unsubscribe);
    });

    private string Footer(string why, string unsubscribe) => $"""
        --
        {why}
        {localizer["Stop these emails (one click, no sign-in): {0}", unsubscribe]}
        {localizer["Your email settings: {0}", Link("/account/settings")]}
        {localizer["Patient Leaders Community"]}
        """;

    /// <summary>What a mail says in place of a post behind a content note (a resource, read in the recipient's language).</summary>
    private string ContentNoteInMail => localizer["(This post has a content note: {0}. Open the link to read it.)"];

    /// <summary>The post as quoted text, cut at a word near <paramref name="length"/> characters.</summary>
    public string Excerpt(string plainText, string contentNote, int length = ExcerptLength)
    {
        if (contentNote.Trim().Length > 0)
        {
            return string.Format(CultureInfo.CurrentCulture, ContentNoteInMail, OneLine(contentNote));
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
