using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>A member an email goes to, read inside the transaction that causes it.</summary>
public sealed record MailRecipient(long Id, string Email, string DisplayName);

/// <summary>
/// The words of forum emails. Email is a first-class way to take part: each mail carries the thread, who wrote,
/// the post as plain text (trimmed) and a link, so the conversation can be followed from the inbox. A post with a
/// content note is not quoted: the note is shown and the reader chooses to open it.
/// </summary>
public sealed class ForumMail(IOptions<AccountOptions> account)
{
    public const int ExcerptLength = 1500;

    public string Link(string path) => account.Value.BaseUrl.TrimEnd('/') + path;

    public OutgoingMail Immediate(MailRecipient to, bool mention, string threadTitle, string authorName, string plainText, string contentNote, long postId)
    {
        var title = OneLine(threadTitle);
        var author = OneLine(authorName);
        var subject = mention ? $"{author} mentioned you in “{title}”" : $"{author} replied to you in “{title}”";
        var body = $"""
            Hello {to.DisplayName},

            {(mention ? $"{author} mentioned you" : $"{author} replied to your post")} in the thread “{title}”:

            {Excerpt(plainText, contentNote)}

            Read the whole post and reply:
            {Link(ForumUrls.Permalink(postId))}

            You get these emails straight away because your email setting is “Immediately”. Change it at {Link("/account/settings")}.

            Patient Leaders Community
            """;
        return new OutgoingMail(to.Email, OneLine(to.DisplayName), subject, body, to.Id);
    }

    /// <summary>The post as quoted text, cut at a word near <see cref="ExcerptLength"/> characters.</summary>
    public static string Excerpt(string plainText, string contentNote)
    {
        if (contentNote.Trim().Length > 0)
        {
            return $"(This post has a content note: {OneLine(contentNote)}. Open the link to read it.)";
        }
        var text = plainText.Trim();
        if (text.Length > ExcerptLength)
        {
            var cut = text.LastIndexOf(' ', ExcerptLength);
            text = text[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)].TrimEnd() + " …";
        }
        return string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));
    }

    /// <summary>Header fields must be one line; the outbox refuses anything else.</summary>
    public static string OneLine(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
}
