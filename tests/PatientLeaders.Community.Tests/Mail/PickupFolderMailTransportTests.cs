using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Mail;

public sealed class PickupFolderMailTransportTests
{
    private string folder = "";

    [SetUp]
    public void SetUp() => folder = Path.Combine(TestDatabase.RootFolder, $"mail-{Guid.NewGuid():N}");

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task SendAsync_Message_WritesReadableEml()
    {
        var transport = new PickupFolderMailTransport(new MailOptions(), folder);
        var message = new OutboxMessage
        {
            Id = 42,
            ToAddress = "sian@example.com",
            ToName = "Siân",
            Subject = "Siân – café ✓",
            TextBody = "Line one – café\nLine two ✓",
            CreatedAt = FakeClock.DefaultStart,
        };

        await transport.SendAsync(message, CancellationToken.None);

        var files = Directory.GetFiles(folder);
        Assert.That(files, Has.Length.EqualTo(1));
        Assert.That(files[0], Does.EndWith(".eml"));
        var mail = ReceivedMail.FromFile(files[0]);
        Assert.Multiple(() =>
        {
            Assert.That(mail.To, Is.EqualTo("sian@example.com"));
            Assert.That(mail.ToName, Is.EqualTo("Siân"));
            Assert.That(mail.From, Is.EqualTo("community@localhost"));
            Assert.That(mail.Subject, Is.EqualTo("Siân – café ✓"));
            Assert.That(mail.Body.TrimEnd('\n'), Is.EqualTo("Line one – café\nLine two ✓"));
            Assert.That(mail.Header("Message-ID"), Is.EqualTo($"<outbox.42.{FakeClock.DefaultStart.UtcTicks}@localhost>"));
        });
    }

    [Test]
    public async Task SendAsync_SameMessageTwice_WritesTwoFiles()
    {
        var transport = new PickupFolderMailTransport(new MailOptions(), folder);
        var message = new OutboxMessage { Id = 1, ToAddress = "bob@example.com", ToName = "", Subject = "Twice", TextBody = "Body" };

        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(message, CancellationToken.None);

        Assert.That(Directory.GetFiles(folder, "*.eml"), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task SendDueAsync_PickupTransport_MarksSent()
    {
        await using var context = await MailTestContext.CreateAsync();
        var id = await context.EnqueueAsync("Via pickup");
        var sender = context.CreateSender(new PickupFolderMailTransport(context.Options, folder));

        var sent = await sender.SendDueAsync(CancellationToken.None);

        Assert.That(sent, Is.EqualTo(1));
        Assert.That((await context.StatusAsync(id)).SentAt, Is.Not.Null);
        Assert.That(ReceivedMail.FromFile(Directory.GetFiles(folder).Single()).Subject, Is.EqualTo("Via pickup"));
    }

    [Test]
    public async Task SendDueAsync_CalendarAttachment_ArrivesAsInviteIcs()
    {
        await using var context = await MailTestContext.CreateAsync();
        const string calendar = "BEGIN:VCALENDAR\nVERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:meeting-7@localhost\nSUMMARY:Café set – meeting\nEND:VEVENT\nEND:VCALENDAR\n";
        var id = await context.Outbox.EnqueueAsync(new OutgoingMail("alice@example.com", "Alice", "Invitation", "See the attached invitation.", CalendarAttachment: calendar), CancellationToken.None);
        var sender = context.CreateSender(new PickupFolderMailTransport(context.Options, folder));

        Assert.That(await sender.SendDueAsync(CancellationToken.None), Is.EqualTo(1));

        var mail = ReceivedMail.FromFile(Directory.GetFiles(folder).Single());
        Assert.That(mail.Body.TrimEnd('\n'), Is.EqualTo("See the attached invitation."));
        var attachment = mail.Attachments.Single();
        Assert.Multiple(() =>
        {
            Assert.That(attachment.MediaType, Is.EqualTo("text/calendar"));
            Assert.That(attachment.ContentTypeHeader, Does.Contain("method=REQUEST"));
            Assert.That(attachment.FileName, Is.EqualTo("invite.ics"));
            Assert.That(attachment.Text, Is.EqualTo(calendar.ReplaceLineEndings("\r\n")));
        });
        Assert.That((await context.StatusAsync(id)).SentAt, Is.Not.Null);
    }
}
