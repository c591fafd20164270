using Microsoft.Extensions.Logging.Abstractions;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Mail;

/// <summary>One test's outbox: a fresh database, a fake clock, and senders built the way AddMail builds them.</summary>
public sealed class MailTestContext : IAsyncDisposable
{
    private MailTestContext(TestDatabase database, MailOptions options)
    {
        Database = database;
        Options = options;
        Outbox = new MailOutbox(database.Factory, Signal, Clock);
    }

    public TestDatabase Database { get; }

    public FakeClock Clock { get; } = new();

    public OutboxSignal Signal { get; } = new();

    public MailOptions Options { get; }

    public MailOutbox Outbox { get; }

    public static async Task<MailTestContext> CreateAsync(Action<MailOptions>? configure = null)
    {
        var options = new MailOptions { FromAddress = "community@example.org" };
        configure?.Invoke(options);
        return new MailTestContext(await TestDatabase.CreateAsync(), options);
    }

    public SmtpMailTransport SmtpTransport(int port, string? userName = null, string? password = null) =>
        new(CopyOptions(o =>
        {
            o.Transport = MailOptions.SmtpTransport;
            o.Smtp.Host = "127.0.0.1";
            o.Smtp.Port = port;
            o.Smtp.Security = "None";
            o.Smtp.UserName = userName;
            o.Smtp.Password = password;
        }));

    public OutboxSender CreateSender(IMailTransport transport) =>
        new(Outbox, transport, Signal, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<OutboxSender>.Instance);

    public Task<long> EnqueueAsync(string subject, string body = "Hello.", string to = "alice@example.com", string name = "Alice") =>
        Outbox.EnqueueAsync(new OutgoingMail(to, name, subject, body), CancellationToken.None);

    public async Task<OutboxStatusView> StatusAsync(long id) =>
        await Outbox.GetStatusAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No outbox row {id}.");

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private MailOptions CopyOptions(Action<MailOptions> change)
    {
        var copy = new MailOptions
        {
            FromAddress = Options.FromAddress,
            FromName = Options.FromName,
            LeaseSeconds = Options.LeaseSeconds,
        };
        change(copy);
        return copy;
    }
}
