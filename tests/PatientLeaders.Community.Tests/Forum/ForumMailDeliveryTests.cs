using System.Globalization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>Forum mail as a real SMTP server receives it: the RFC 8058 headers arrive; account mail has none.</summary>
public sealed class ForumMailDeliveryTests
{
    [Test]
    public async Task MentionMail_OverSmtp_CarriesListUnsubscribeAndOneClickHeaders()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var world = await ForumWorld.CreateAsync(new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        await world.Sam.StartThreadAsync("general-chat", "Headers", "Hello @kit");

        await world.App.Service<OutboxSender>().SendDueAsync(CancellationToken.None);

        var received = smtp.ReadAll();
        var mention = received.Single(m => m.Subject == "Member sam mentioned you in “Headers”");
        var link = EmailNotificationTests.UnsubscribeLink(new SentMail(mention.To, mention.Subject, mention.Body));
        Assert.That(link, Does.StartWith("https://localhost/unsubscribe/"));
        Assert.That(mention.HeaderValues("List-Unsubscribe"), Is.EqualTo(new[] { "<" + link + ">" }));
        Assert.That(mention.HeaderValues("List-Unsubscribe-Post"), Is.EqualTo(new[] { "List-Unsubscribe=One-Click" }));
        var accountMail = received.Where(m => m.To == "kit@example.org" && m != mention).ToList();
        Assert.That(accountMail, Is.Not.Empty, "the invitation went out too");
        Assert.That(accountMail.SelectMany(m => m.HeaderValues("List-Unsubscribe")), Is.Empty);
    }

    [TestCase("http://example.org/unsubscribe/x")]
    [TestCase("https://example.org/unsubscribe/x>, <mailto:evil@example.com")]
    [TestCase("https://example.org/unsubscribe/x\r\nBcc: evil@example.com")]
    [TestCase("javascript:alert(1)")]
    [TestCase("/unsubscribe/relative")]
    public async Task Enqueue_ListUnsubscribeThatIsNotOneHttpsAddress_IsRefused(string url)
    {
        await using var context = await Mail.MailTestContext.CreateAsync();
        Assert.That(() => context.Outbox.EnqueueAsync(new OutgoingMail("bob@example.com", "Bob", "Hi", "Body", ListUnsubscribe: url), CancellationToken.None),
            Throws.InstanceOf<ArgumentException>());
    }
}
