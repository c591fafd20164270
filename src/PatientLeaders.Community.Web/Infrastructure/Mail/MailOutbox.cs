using System.Data.Common;
namespace PatientLeaders.Community.Web.Infrastructure.Mail;

public sealed class MailOutbox
{
    public Task EnqueueAsync(DbConnection connection, DbTransaction? transaction, OutgoingMail mail, CancellationToken ct) => Task.CompletedTask;
    public Task EnqueueAsync(OutgoingMail mail, CancellationToken ct) => Task.CompletedTask;
}
