using MimeKit;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Mail;

public sealed class SmtpMailTransportTests
{
    private const string Injection = "\r\nBcc: evil@example.com";

    [TestCase("Bob" + Injection, "Hello")]
    [TestCase("Bob", "Hello" + Injection)]
    [TestCase("Bob\nBcc: evil@example.com", "Hello")]
    [TestCase("Bob", "Hello\rBcc: evil@example.com")]
    public async Task SendAsync_HeaderInjectionInNameOrSubject_ThrowsAndAddsNoRecipient(string name, string subject)
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var context = await MailTestContext.CreateAsync();
        var transport = context.SmtpTransport(smtp.Port);
        var message = new OutboxMessage { Id = 1, ToAddress = "bob@example.com", ToName = name, Subject = subject, TextBody = "Body" };

        Assert.That(() => transport.SendAsync(message, CancellationToken.None), Throws.InstanceOf<ArgumentException>());

        await transport.SendAsync(message with { ToName = "Bob", Subject = "Clean" }, CancellationToken.None);
        var received = smtp.ReadAll();
        Assert.That(received.Select(m => m.Subject), Is.EqualTo(new[] { "Clean" }));
        Assert.That(received.SelectMany(m => m.EnvelopeRecipients), Is.EqualTo(new[] { "bob@example.com" }));
        Assert.That(received[0].Raw, Does.Not.Contain("evil@example.com"));
    }

    /// <summary>What MimeKit does on its own, without our check in front of it; documents the second line of defence.</summary>
    [Test]
    public async Task MimeKit_SubjectAndNameWithLineBreaks_StayInsideTheirHeaders()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        // Straight through MailKit, skipping MailMessageFactory, to see how it treats the display name and subject.
        using (var mail = new MimeMessage())
        using (var client = new MailKit.Net.Smtp.SmtpClient())
        {
            mail.From.Add(new MailboxAddress("Community", "community@example.org"));
            mail.To.Add(new MailboxAddress("Bob" + Injection, "bob@example.com"));
            mail.Subject = "Raw" + Injection;
            mail.Body = new TextPart("plain") { Text = "Body" };
            await client.ConnectAsync(smtp.Host, smtp.Port, MailKit.Security.SecureSocketOptions.None);
            await client.SendAsync(mail);
            await client.DisconnectAsync(true);
        }

        var received = smtp.ReadAll();
        Assert.That(received.SelectMany(m => m.EnvelopeRecipients), Is.EqualTo(new[] { "bob@example.com" }));
        Assert.That(received.SelectMany(m => m.HeaderValues("Bcc")), Is.Empty);
    }

    [Test]
    public async Task SendAsync_ServerRequiresAuthentication_SignsInWithTheSettings()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync(credentials: "relay:s3cret-pass");
        await using var context = await MailTestContext.CreateAsync();
        var message = new OutboxMessage { Id = 1, ToAddress = "bob@example.com", ToName = "Bob", Subject = "Signed in", TextBody = "Body" };

        await using (var anonymous = context.SmtpTransport(smtp.Port))
        {
            Assert.That(() => anonymous.SendAsync(message, CancellationToken.None), Throws.InstanceOf<MailKit.ServiceNotAuthenticatedException>()
                .Or.InstanceOf<MailKit.Net.Smtp.SmtpCommandException>());
        }
        await using (var wrong = context.SmtpTransport(smtp.Port, "relay", "wrong"))
        {
            Assert.That(() => wrong.SendAsync(message, CancellationToken.None), Throws.InstanceOf<MailKit.Security.AuthenticationException>());
        }
        await using (var transport = context.SmtpTransport(smtp.Port, "relay", "s3cret-pass"))
        {
            await transport.SendAsync(message, CancellationToken.None);
        }

        Assert.That(smtp.ReadAll().Select(m => m.Subject), Is.EqualTo(new[] { "Signed in" }));
    }

    [Test]
    public async Task SendDueAsync_ServerRefusesOneRecipient_ThatMailFailsWithTheReasonAndTheBatchGoesOnOneConnection()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync(rejectPrefix: "nobody");
        await using var context = await MailTestContext.CreateAsync();
        var first = await context.EnqueueAsync("First", to: "alice@example.com");
        var refused = await context.EnqueueAsync("Refused", to: "nobody@example.com");
        var last = await context.EnqueueAsync("Last", to: "bob@example.com");
        await using var transport = context.SmtpTransport(smtp.Port);
        var sender = context.CreateSender(transport);

        var sent = await sender.SendDueAsync(CancellationToken.None);

        var refusedStatus = await context.StatusAsync(refused);
        Assert.Multiple(async () =>
        {
            Assert.That(sent, Is.EqualTo(2));
            Assert.That(smtp.ReadAll().Select(m => m.Subject), Is.EquivalentTo(new[] { "First", "Last" }));
            Assert.That((await context.StatusAsync(first)).SentAt, Is.Not.Null);
            Assert.That((await context.StatusAsync(last)).SentAt, Is.Not.Null);
            Assert.That(refusedStatus.SentAt, Is.Null);
            Assert.That(refusedStatus.FailedAt, Is.Not.Null, "a 5xx refusal is final: no retries");
            Assert.That(refusedStatus.LastError, Does.Contain("550").And.Contain("No such mailbox here"));
            Assert.That(smtp.Connections, Is.EqualTo(1), "one connection for the whole batch");
        });
    }
}
