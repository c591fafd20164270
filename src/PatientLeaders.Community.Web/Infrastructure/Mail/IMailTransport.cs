namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>Hands one message to the world. Throws when it could not; the sender decides about retries.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);

    /// <summary>Called after each pass of the sender: a transport that kept a connection for the batch closes it.</summary>
    Task EndBatchAsync(CancellationToken ct) => Task.CompletedTask;
}
