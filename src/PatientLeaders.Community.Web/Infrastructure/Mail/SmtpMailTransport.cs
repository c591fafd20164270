using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// Sends through an SMTP server with MailKit. One connection is opened for a pass of the sender and kept for every
/// message in it, then closed (<see cref="EndBatchAsync"/>). A server's refusal of one message (a recipient it does
/// not know) leaves the connection in use for the rest; any other error drops it, and the next message reconnects.
/// </summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport, IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SmtpClient? client;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var mail = MailMessageFactory.Create(message, options);
        await gate.WaitAsync(ct);
        try
        {
            var connection = await ConnectAsync(ct);
            try
            {
                await connection.SendAsync(mail, ct);
            }
            catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
            {
                throw new MailRejectedException($"The mail server refused the message: {(int)refused.StatusCode} {refused.Message}", refused);
            }
            catch (Exception exception) when (exception is not SmtpCommandException)
            {
                await DropAsync();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task EndBatchAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (client is { IsConnected: true })
            {
                try
                {
                    await client.DisconnectAsync(quit: true, ct);
                }
                catch (Exception exception) when (exception is IOException or ProtocolException or SmtpCommandException or OperationCanceledException)
                {
                    // The batch is sent; a server that hangs up first changes nothing.
                }
            }

            await DropAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await EndBatchAsync(CancellationToken.None);
        gate.Dispose();
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        await DropAsync();
        var smtp = options.Smtp;
        var connection = new SmtpClient { Timeout = (int)options.SendTimeout.TotalMilliseconds };
        try
        {
            var security = smtp.Security switch
            {
                "Tls" => SecureSocketOptions.SslOnConnect,
                "None" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await connection.ConnectAsync(smtp.Host, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await connection.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        client = connection;
        return connection;
    }

    private Task DropAsync()
    {
        client?.Dispose();
        client = null;
        return Task.CompletedTask;
    }
}
