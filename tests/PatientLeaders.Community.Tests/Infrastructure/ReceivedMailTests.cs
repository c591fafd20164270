using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>The fixture's MIME reading, against what System.Net.Mail really writes through a real SMTP server.</summary>
public sealed class ReceivedMailTests
{
    private const string Unicode = "Siân – café ✓";

    [TestCase(TransferEncoding.QuotedPrintable)]
    [TestCase(TransferEncoding.Base64)]
    [TestCase(TransferEncoding.EightBit)]
    public async Task WaitForMailAsync_BodyInEachTransferEncoding_DecodesPlainText(TransferEncoding encoding)
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var body = $"First {Unicode}\nhttps://localhost/Accounts/Confirm?token=a_b-c%3D%3D&id=7\n" + new string('x', 200);
        var subject = string.Concat(Enumerable.Repeat(Unicode + " ", 12)).Trim();
        using (var mail = new MailMessage(new MailAddress("from@example.org"), new MailAddress("to@example.org", "Zoë \"Z\" O'Neil", Encoding.UTF8)))
        {
            mail.Subject = subject;
            mail.SubjectEncoding = Encoding.UTF8;
            mail.Body = body;
            mail.BodyEncoding = Encoding.UTF8;
            mail.BodyTransferEncoding = encoding;
            await SendAsync(smtp, mail);
        }

        var received = (await smtp.WaitForMailAsync(m => m.To == "to@example.org"))[0];

        Assert.Multiple(() =>
        {
            Assert.That(received.Subject, Is.EqualTo(subject));
            Assert.That(received.ToName, Is.EqualTo("Zoë \"Z\" O'Neil"));
            Assert.That(received.Body.TrimEnd('\n'), Is.EqualTo(body));
            Assert.That(received.EnvelopeRecipients, Is.EqualTo(new[] { "to@example.org" }));
        });
    }

    [Test]
    public async Task WaitForMailAsync_MultipartWithAttachment_BodyIsTextPart()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        using (var mail = new MailMessage("from@example.org", "to@example.org", "Invitation", $"See you there, {Unicode}"))
        {
            mail.BodyEncoding = Encoding.UTF8;
            using var attachment = Attachment.CreateAttachmentFromString("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "invite.ics", Encoding.UTF8, "text/calendar");
            mail.Attachments.Add(attachment);
            await SendAsync(smtp, mail);
        }

        var received = (await smtp.WaitForMailAsync(m => m.Subject == "Invitation"))[0];

        Assert.That(received.Body.TrimEnd('\n'), Is.EqualTo($"See you there, {Unicode}"));
    }

    [Test]
    public async Task WaitForMailAsync_NothingArrives_ThrowsTimeout()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();

        Assert.That(() => smtp.WaitForMailAsync(_ => true, timeout: TimeSpan.FromMilliseconds(200)), Throws.InstanceOf<TimeoutException>());
    }

    [Test]
    public async Task StopAsync_ThenStartAsync_ListensAgainOnSamePort()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await smtp.StopAsync();
        Assert.That(smtp.IsRunning, Is.False);

        await smtp.StartAsync();
        using (var mail = new MailMessage("from@example.org", "to@example.org", "Again", "Body"))
        {
            await SendAsync(smtp, mail);
        }

        Assert.That(smtp.ReadAll().Select(m => m.Subject), Is.EqualTo(new[] { "Again" }));
    }

    [TestCase("=?utf-8?B?U2nDom4=?= =?utf-8?Q?_=E2=80=93?=", "Siân –")]
    [TestCase("=?UTF-8?B?4pyT?=\t=?UTF-8?B?4pyT?= plain", "✓✓ plain")]
    [TestCase("plain =?iso-8859-1?Q?caf=E9?= text", "plain café text")]
    [TestCase("no encoded words", "no encoded words")]
    public void DecodeHeader_EncodedWords_DecodedAndJoined(string header, string expected)
    {
        Assert.That(MimeReader.DecodeHeader(header), Is.EqualTo(expected));
    }

    private static async Task SendAsync(SmtpTestServer smtp, MailMessage mail)
    {
        using var client = new SmtpClient(smtp.Host, smtp.Port);
        await client.SendMailAsync(mail);
    }
}
