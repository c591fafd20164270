using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Mail;

/// <summary>Always fails the way a refusing relay would, and counts how often it was asked.</summary>
public sealed class FailingTransport : IMailTransport
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref calls);
        throw new IOException("relay said no");
    }
}
