using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Data;

public static class DataServices
{
    public const string ConnectionStringName = "Community";

    public static IServiceCollection AddData(this IServiceCollection services)
    {
        UtcDateTimeOffsetHandler.Register();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            if (options.Provider == "SqlServer")
            {
                if (string.IsNullOrWhiteSpace(configured))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Community is empty.");
                }
                return new DbConnectionFactory(new SqlServerDialect(), configured);
            }
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new DbConnectionFactory(new SqliteDialect(options.BusyTimeoutSeconds), SqliteConnectionString(configured, contentRoot));
        });
        services.AddSingleton(sp => sp.GetRequiredService<DbConnectionFactory>().Dialect);
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<MigrateOnStartService>();
        services.AddHostedService<WalCheckpointService>();
        return services;
    }

    /// <summary>Defaults to data/community.db beside the site, and makes sure its folder exists.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/community.db" : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        builder.Pooling = true;
        return builder.ToString();
    }
}
