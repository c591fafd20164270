using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Mail;

/// <summary>Never finishes a send until cancelled: stands in for a process that dies mid-send.</summary>
public sealed class HangingTransport : IMailTransport
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => entered.Task;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        entered.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
    }
}
