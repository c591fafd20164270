namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// Writes each message as a uniquely named .eml file. For development: open the files with any mail client, or read
/// them in tests. Each file is written under a temporary name and then renamed, so a reader never sees half a message.
/// </summary>
public sealed class PickupFolderMailTransport(MailOptions options, string folder) : IMailTransport
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var mail = MailMessageFactory.Create(message, options);
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N");
        var writing = Path.Combine(Folder, name + ".tmp");
        await mail.WriteToAsync(writing, ct);
        File.Move(writing, Path.Combine(Folder, name + ".eml"));
    }
}
