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
}
