using System.Net.Mail;
using System.Text;
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

    /// <summary>What System.Net.Mail does on its own, without our check in front of it; documents the second line of defence.</summary>
    [Test]
    public void MailMessage_SubjectWithLineBreak_RejectedBySystemNetMail()
    {
        using var mail = new MailMessage();

        Assert.That(() => mail.Subject = "Hello" + Injection, Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public async Task SendAsync_DisplayNameWithLineBreakPastOurCheck_NeverBecomesARecipient()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        // Straight through System.Net.Mail, skipping MailMessageFactory, to see how it treats the display name.
        using (var mail = new MailMessage(new MailAddress("community@example.org"), new MailAddress("bob@example.com", "Bob" + Injection, Encoding.UTF8)))
        using (var client = new SmtpClient("127.0.0.1", smtp.Port))
        {
            mail.Subject = "Raw";
            mail.Body = "Body";
            try
            {
                await client.SendMailAsync(mail);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or SmtpException)
            {
                TestContext.Out.WriteLine("System.Net.Mail refused: " + exception.Message);
            }
        }

        Assert.That(smtp.ReadAll().SelectMany(m => m.EnvelopeRecipients), Has.None.EqualTo("evil@example.com"));
        Assert.That(smtp.ReadAll().SelectMany(m => m.HeaderValues("Bcc")), Is.Empty);
    }
}
