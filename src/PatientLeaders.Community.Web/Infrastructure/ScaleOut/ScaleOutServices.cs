using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PatientLeaders.Community.Web.Infrastructure.ScaleOut;

public static class ScaleOutServices
{
    public const string ApplicationName = "PatientLeadersCommunity";

    /// <summary>
    /// What several servers need: the SignalR Redis backplane and the server-to-server bus when SignalR:Redis is set,
    /// and the Data Protection key ring in a folder (DataProtection:Store = Folder, the default) or in the database
    /// (Database), where every server finds it.
    /// </summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new ScaleOutOptions { Redis = configuration["SignalR:Redis"] };
        services.AddSingleton(options);
        services.AddSingleton<ClusterBus>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterBus>());
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            services.AddSignalR().AddStackExchangeRedis(options.Redis, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal("plc:signalr");
                o.Configuration.AbortOnConnectFail = false;
            });
        }

        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var store = configuration["DataProtection:Store"];
        if (string.Equals(store, "Database", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<DatabaseKeyRepository>();
            services.AddOptions<KeyManagementOptions>().Configure<DatabaseKeyRepository>((o, repository) => o.XmlRepository = repository);
        }
        else if (string.IsNullOrEmpty(store) || string.Equals(store, "Folder", StringComparison.OrdinalIgnoreCase))
        {
            var folder = configuration["DataProtection:KeysFolder"];
            protection.PersistKeysToFileSystem(new DirectoryInfo(
                Path.GetFullPath(Path.Combine(environment.ContentRootPath, string.IsNullOrWhiteSpace(folder) ? "data/keys" : folder))));
        }
        else
        {
            throw new OptionsValidationException("DataProtection:Store", typeof(KeyManagementOptions),
                ["DataProtection:Store must be Folder or Database."]);
        }

        return services;
    }
}
