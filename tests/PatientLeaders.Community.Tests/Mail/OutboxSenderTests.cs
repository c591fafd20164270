using Dapper;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Mail;

public sealed class OutboxSenderTests
{
    private const string Unicode = "Siân – café ✓";

    [Test]
    public async Task SendDueAsync_EnqueuedMail_ArrivesOnceWithToSubjectAndBody()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var context = await MailTestContext.CreateAsync();
        var body = $"Hello {Unicode},\n\nA long line that goes on past the seventy-six characters quoted-printable allows per line: {Unicode} {Unicode}.\nLast line.";
        var id = await context.Outbox.EnqueueAsync(
            new OutgoingMail("sian@example.com", Unicode, "Welcome, " + Unicode, body), CancellationToken.None);
        var sender = context.CreateSender(context.SmtpTransport(smtp.Port));

        var sent = await sender.SendDueAsync(CancellationToken.None);
        var again = await sender.SendDueAsync(CancellationToken.None);

        var received = smtp.ReadAll();
        var status = await context.StatusAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.EqualTo(1));
            Assert.That(again, Is.Zero);
            Assert.That(received, Has.Count.EqualTo(1));
            Assert.That(received[0].To, Is.EqualTo("sian@example.com"));
            Assert.That(received[0].ToName, Is.EqualTo(Unicode));
            Assert.That(received[0].EnvelopeRecipients, Is.EqualTo(new[] { "sian@example.com" }));
            Assert.That(received[0].From, Is.EqualTo("community@example.org"));
            Assert.That(received[0].FromName, Is.EqualTo("Patient Leaders Community"));
            Assert.That(received[0].Subject, Is.EqualTo("Welcome, " + Unicode));
            Assert.That(received[0].Body.TrimEnd('\n'), Is.EqualTo(body));
            Assert.That(received[0].Header("Content-Type"), Does.StartWith("text/plain").And.Contain("utf-8"));
            Assert.That(received[0].Header("Message-ID"), Does.StartWith($"<outbox.{id}."));
            Assert.That(status.SentAt, Is.EqualTo(context.Clock.GetUtcNow()));
            Assert.That(status.Attempts, Is.EqualTo(1));
            Assert.That(status.LeaseOwner, Is.Null);
        });
    }

    [Test]
    public async Task SendDueAsync_EnqueuedInRolledBackTransaction_SendsNothing()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var context = await MailTestContext.CreateAsync();
        await using (var connection = await context.Database.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await context.Outbox.EnqueueAsync(connection, tx, new OutgoingMail("bob@example.com", "Bob", "Never", "Body"), CancellationToken.None);
            await tx.RollbackAsync();
        }
        var sender = context.CreateSender(context.SmtpTransport(smtp.Port));

        var sent = await sender.SendDueAsync(CancellationToken.None);

        Assert.That(sent, Is.Zero);
        Assert.That(smtp.ReadAll(), Is.Empty);
    }

    [Test]
    public async Task SendDueAsync_ServerDownThenUp_BacksOffThenDeliversOnce()
    {
        await using var smtp = SmtpTestServer.Create();
        await using var context = await MailTestContext.CreateAsync();
        var id = await context.EnqueueAsync("Retry me", body: "Secret body text");
        var sender = context.CreateSender(context.SmtpTransport(smtp.Port));
        var firstTry = context.Clock.GetUtcNow();

        var sentWhileDown = await sender.SendDueAsync(CancellationToken.None);
        var failed = await context.StatusAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(sentWhileDown, Is.Zero);
            Assert.That(failed.Attempts, Is.EqualTo(1));
            Assert.That(failed.NextAttemptAt, Is.EqualTo(firstTry.AddSeconds(30)));
            Assert.That(failed.LastError, Is.Not.Null.And.Not.Empty);
            Assert.That(failed.LastError, Does.Not.Contain("Secret body text"));
            Assert.That(failed.LastError!.Length, Is.LessThanOrEqualTo(1000));
            Assert.That(failed.LeaseOwner, Is.Null);
            Assert.That(failed.SentAt, Is.Null);
            Assert.That(failed.FailedAt, Is.Null);
        });

        await smtp.StartAsync();
        context.Clock.Advance(TimeSpan.FromSeconds(29));
        var sentBeforeDue = await sender.SendDueAsync(CancellationToken.None);
        context.Clock.Advance(TimeSpan.FromSeconds(1));
        var sentWhenDue = await sender.SendDueAsync(CancellationToken.None);
        context.Clock.Advance(TimeSpan.FromHours(2));
        var sentLater = await sender.SendDueAsync(CancellationToken.None);

        var delivered = await smtp.WaitForMailAsync(m => m.Subject == "Retry me");
        var status = await context.StatusAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(sentBeforeDue, Is.Zero);
            Assert.That(sentWhenDue, Is.EqualTo(1));
            Assert.That(sentLater, Is.Zero);
            Assert.That(smtp.ReadAll(), Has.Count.EqualTo(1));
            Assert.That(delivered[0].Body.TrimEnd('\n'), Is.EqualTo("Secret body text"));
            Assert.That(status.Attempts, Is.EqualTo(2));
            Assert.That(status.SentAt, Is.Not.Null);
        });
    }

    [Test]
    public async Task SendDueAsync_TwoSendersConcurrently_EveryMessageArrivesExactlyOnce()
    {
        const int count = 50;
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var context = await MailTestContext.CreateAsync(o => o.BatchSize = 7);
        for (var i = 0; i < count; i++)
        {
            await context.EnqueueAsync($"Message {i:00}", to: $"member{i:00}@example.com");
        }
        var first = context.CreateSender(context.SmtpTransport(smtp.Port));
        var second = context.CreateSender(context.SmtpTransport(smtp.Port));
        Assume.That(first.OwnerId, Is.Not.EqualTo(second.OwnerId));

        async Task<int> DrainAsync(OutboxSender sender)
        {
            var total = 0;
            int sent;
            while ((sent = await sender.SendDueAsync(CancellationToken.None)) > 0)
            {
                total += sent;
            }
            return total;
        }
        var totals = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));
        // A sender can stop early when its whole batch was claimed by the other; one last pass picks up stragglers.
        var stragglers = await DrainAsync(first);

        var received = smtp.ReadAll();
        Assert.Multiple(() =>
        {
            Assert.That(totals.Sum() + stragglers, Is.EqualTo(count));
            Assert.That(received, Has.Count.EqualTo(count));
            Assert.That(received.Select(m => m.Subject), Is.Unique);
            Assert.That(received.Select(m => m.To), Is.EquivalentTo(Enumerable.Range(0, count).Select(i => $"member{i:00}@example.com")));
        });
        TestContext.Out.WriteLine($"first sent {totals[0]}, second sent {totals[1]}, stragglers {stragglers}");
    }

    [Test]
    public async Task SendDueAsync_LeaseHeldBySenderThatCrashed_SentByAnotherAfterLeaseExpires()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var context = await MailTestContext.CreateAsync(o => o.LeaseSeconds = 120);
        var id = await context.EnqueueAsync("Orphaned");
        var hanging = new HangingTransport();
        var crashed = context.CreateSender(hanging);
        var survivor = context.CreateSender(context.SmtpTransport(smtp.Port));
        var claimedAt = context.Clock.GetUtcNow();

        using (var crash = new CancellationTokenSource())
        {
            var pass = crashed.SendDueAsync(crash.Token);
            await hanging.Entered.WaitAsync(TimeSpan.FromSeconds(10));
            // The process "dies" mid-send: the pass is abandoned with the lease still on the row.
            await crash.CancelAsync();
            Assert.That(async () => await pass, Throws.InstanceOf<OperationCanceledException>());
        }
        var orphaned = await context.StatusAsync(id);

        var whileLeased = await survivor.SendDueAsync(CancellationToken.None);
        context.Clock.Advance(TimeSpan.FromSeconds(120));
        var atExpiry = await survivor.SendDueAsync(CancellationToken.None);
        context.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await survivor.SendDueAsync(CancellationToken.None);

        var status = await context.StatusAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(orphaned.LeaseOwner, Is.EqualTo(crashed.OwnerId));
            Assert.That(orphaned.LeaseUntil, Is.EqualTo(claimedAt.AddSeconds(120)));
            Assert.That(orphaned.Attempts, Is.Zero, "an abandoned send is not counted as a failure");
            Assert.That(whileLeased, Is.Zero);
            Assert.That(atExpiry, Is.Zero);
            Assert.That(afterExpiry, Is.EqualTo(1));
            Assert.That(smtp.ReadAll().Select(m => m.Subject), Is.EqualTo(new[] { "Orphaned" }));
            Assert.That(status.SentAt, Is.Not.Null);
            Assert.That(status.LeaseOwner, Is.Null);
        });
    }

    [Test]
    public async Task SendDueAsync_MaxAttemptsReached_SetsFailedAtAndStopsTrying()
    {
        await using var context = await MailTestContext.CreateAsync(o =>
        {
            o.MaxAttempts = 3;
            o.BaseRetrySeconds = 10;
        });
        var id = await context.EnqueueAsync("Doomed");
        var transport = new FailingTransport();
        var sender = context.CreateSender(transport);

        for (var pass = 0; pass < 6; pass++)
        {
            await sender.SendDueAsync(CancellationToken.None);
            context.Clock.Advance(TimeSpan.FromHours(2));
        }

        var status = await context.StatusAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(transport.Calls, Is.EqualTo(3));
            Assert.That(status.Attempts, Is.EqualTo(3));
            Assert.That(status.FailedAt, Is.Not.Null);
            Assert.That(status.SentAt, Is.Null);
            Assert.That(status.LastError, Does.Contain("IOException").And.Contain("relay said no"));
        });
    }

    [Test]
    public async Task SendDueAsync_RowWithInjectedHeaderWrittenPastTheOutbox_FailsAtOnceAndSendsNothing()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var context = await MailTestContext.CreateAsync();
        await using (var connection = await context.Database.OpenAsync())
        {
            // Bypasses MailOutbox's validation, as a buggy import or a hand edit might.
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO MailOutbox (ToAddress, ToName, Subject, TextBody, CreatedAt, NextAttemptAt, Attempts)
                VALUES (@To, @Name, @Subject, 'Body', @Now, @Now, 0)
                """, new
            {
                To = "bob@example.com",
                Name = "Bob\r\nBcc: evil@example.com",
                Subject = "Hi\r\nBcc: evil@example.com",
                Now = context.Clock.GetUtcNow(),
            }));
        }
        var sender = context.CreateSender(context.SmtpTransport(smtp.Port));

        var sent = await sender.SendDueAsync(CancellationToken.None);

        var id = await FirstIdAsync(context);
        var status = await context.StatusAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.Zero);
            Assert.That(smtp.ReadAll(), Is.Empty);
            Assert.That(status.FailedAt, Is.Not.Null, "a message that cannot be built is not retried");
            Assert.That(status.Attempts, Is.EqualTo(1));
            Assert.That(status.LastError, Does.Contain("ArgumentException").And.Not.Contain("evil"));
        });
    }

    [Test]
    public async Task ExecuteAsync_Enqueue_WakesSenderBeforePollInterval()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var context = await MailTestContext.CreateAsync(o => o.PollIntervalSeconds = 3600);
        using var sender = context.CreateSender(context.SmtpTransport(smtp.Port));
        await sender.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(200);
            await context.EnqueueAsync("Right away");

            var received = await smtp.WaitForMailAsync(m => m.Subject == "Right away", timeout: TimeSpan.FromSeconds(10));

            Assert.That(received, Has.Count.EqualTo(1));
        }
        finally
        {
            await sender.StopAsync(CancellationToken.None);
        }
    }

    [TestCase(1, 30)]
    [TestCase(2, 60)]
    [TestCase(3, 120)]
    [TestCase(7, 1920)]
    [TestCase(8, 3600)]
    [TestCase(40, 3600)]
    public void RetryDelay_Attempts_DoublesFromBaseUpToCap(int attempts, int expectedSeconds)
    {
        var delay = OutboxSender.RetryDelay(attempts, new MailOptions());

        Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
    }

    private static async Task<long> FirstIdAsync(MailTestContext context)
    {
        await using var connection = await context.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT MIN(Id) FROM MailOutbox"));
    }
}
