using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Data;

/// <summary>Hosted services start before the server takes requests, so no page ever sees an old schema.</summary>
public sealed class MigrateOnStartService(MigrationRunner runner, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await runner.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
