using System.Data.Common;
using Dapper;

namespace PatientLeaders.Community.Web.Data;

/// <summary>The one way to reach the database: an open connection for the configured provider.</summary>
public sealed class DbConnectionFactory(ISqlDialect dialect, string connectionString)
{
    public ISqlDialect Dialect => dialect;

    public string ConnectionString => connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = dialect.CreateConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (dialect.ConnectionSetup.Length > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(dialect.ConnectionSetup, cancellationToken: ct));
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
