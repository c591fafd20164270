using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>On an empty database, prints the one-time link that creates the first administrator.</summary>
public sealed class SetupTokenAnnouncer(IServiceScopeFactory scopes, SetupToken setupToken, IOptions<AccountOptions> options, ILogger<SetupTokenAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var members = scope.ServiceProvider.GetRequiredService<MemberStore>();
        if (await members.CountAsync(cancellationToken) > 0)
        {
            return;
        }
        var token = setupToken.Issue();
        var link = $"{options.Value.BaseUrl.TrimEnd('/')}/setup?token={token}";
        // Written to the console on purpose: only whoever started the site can read it.
        Console.WriteLine();
        Console.WriteLine("No members yet. Create the first administrator by opening this one-time link:");
        Console.WriteLine(link);
        Console.WriteLine();
        logger.LogInformation("A one-time setup link was printed to the console.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
