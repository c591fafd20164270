using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Infrastructure.ScaleOut;

/// <summary>
/// The Data Protection key ring in the site's own database (DataProtection:Store = Database), written through the
/// same data layer as everything else, so every server that shares the database shares the keys with nothing more
/// to run. ASP.NET Core's repository contract is synchronous; it is called when the key ring is first read and then
/// about once a day, so blocking on the database here costs nothing a request would notice.
/// </summary>
public sealed class DatabaseKeyRepository(DbConnectionFactory db, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<string>(ScaleOutSql.SelectKeys);
        return rows.Select(xml => XElement.Parse(xml)).ToList();
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        using var gate = await db.WriteLockAsync(CancellationToken.None);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(ScaleOutSql.InsertKey, new
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.GetUtcNow(),
        });
    }
}
