using Dapper;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Mail;

public sealed class MailOutboxTests
{
    private const string Injection = "\r\nBcc: evil@example.com";

    [Test]
    public async Task EnqueueAsync_CommittedTransaction_RowIsDueNow()
    {
        await using var context = await MailTestContext.CreateAsync();
        long id;
        await using (var connection = await context.Database.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            id = await context.Outbox.EnqueueAsync(connection, tx, new OutgoingMail("bob@example.com", "Bob", "Hi", "Body"), CancellationToken.None);
            await tx.CommitAsync();
        }

        var status = await context.StatusAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(status.ToAddress, Is.EqualTo("bob@example.com"));
            Assert.That(status.Attempts, Is.Zero);
            Assert.That(status.NextAttemptAt, Is.EqualTo(context.Clock.GetUtcNow()));
            Assert.That(status.SentAt, Is.Null);
            Assert.That(status.LeaseOwner, Is.Null);
        });
    }

    [Test]
    public async Task EnqueueAsync_TransactionRolledBack_LeavesNoRow()
    {
        await using var context = await MailTestContext.CreateAsync();
        await using (var connection = await context.Database.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await context.Outbox.EnqueueAsync(connection, tx, new OutgoingMail("bob@example.com", "Bob", "Hi", "Body"), CancellationToken.None);
            await tx.RollbackAsync();
        }

        Assert.That(await CountRowsAsync(context), Is.Zero);
    }

    [TestCase("ToName")]
    [TestCase("Subject")]
    [TestCase("ToAddress")]
    public async Task EnqueueAsync_HeaderWithLineBreak_ThrowsAndWritesNothing(string field)
    {
        await using var context = await MailTestContext.CreateAsync();
        var mail = field switch
        {
            "ToName" => new OutgoingMail("bob@example.com", "Bob" + Injection, "Hi", "Body"),
            "Subject" => new OutgoingMail("bob@example.com", "Bob", "Hi" + Injection, "Body"),
            _ => new OutgoingMail("bob@example.com" + Injection, "Bob", "Hi", "Body"),
        };

        var thrown = Assert.ThrowsAsync<ArgumentException>(() => context.Outbox.EnqueueAsync(mail, CancellationToken.None));

        Assert.That(thrown!.ParamName, Is.EqualTo(field));
        Assert.That(thrown.Message, Does.Not.Contain("evil"), "validation messages never echo the value");
        Assert.That(await CountRowsAsync(context), Is.Zero);
    }

    [TestCase("Bob <bob@example.com>")]
    [TestCase("bob@example.com, evil@example.com")]
    [TestCase("not an address")]
    [TestCase("")]
    public async Task EnqueueAsync_NotASingleBareAddress_Throws(string address)
    {
        await using var context = await MailTestContext.CreateAsync();

        Assert.ThrowsAsync<ArgumentException>(() =>
            context.Outbox.EnqueueAsync(new OutgoingMail(address, "Bob", "Hi", "Body"), CancellationToken.None));
    }

    [TestCase("\t")]
    [TestCase("\0")]
    [TestCase("\u0085")]
    [TestCase("\u2028")]
    public async Task EnqueueAsync_SubjectWithOtherLineOrControlCharacter_Throws(string character)
    {
        await using var context = await MailTestContext.CreateAsync();

        Assert.ThrowsAsync<ArgumentException>(() =>
            context.Outbox.EnqueueAsync(new OutgoingMail("bob@example.com", "Bob", "Hi" + character + "there", "Body"), CancellationToken.None));
    }

    [Test]
    public async Task EnqueueAsync_SubjectTooLongForColumn_Throws()
    {
        await using var context = await MailTestContext.CreateAsync();

        Assert.ThrowsAsync<ArgumentException>(() =>
            context.Outbox.EnqueueAsync(new OutgoingMail("bob@example.com", "Bob", new string('x', 301), "Body"), CancellationToken.None));
    }

    [Test]
    public async Task EnqueueAsync_Enqueued_SignalsSender()
    {
        await using var context = await MailTestContext.CreateAsync();
        await context.EnqueueAsync("Wake up");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        await context.Signal.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    private static async Task<long> CountRowsAsync(MailTestContext context)
    {
        await using var connection = await context.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM MailOutbox"));
    }
}
