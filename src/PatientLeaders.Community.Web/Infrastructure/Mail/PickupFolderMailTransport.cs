using System.Net.Mail;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// Writes each message as a uniquely named .eml file (System.Net.Mail names them with a new GUID).
/// For development: open the files with any mail client, or read them in tests.
/// </summary>
public sealed class PickupFolderMailTransport(MailOptions options, string folder) : IMailTransport
{
    // System.Net.Mail insists on an absolute path.
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var mail = MailMessageFactory.Create(message, options);
        Directory.CreateDirectory(Folder);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = Folder,
        };
        await client.SendMailAsync(mail, ct);
    }
}
