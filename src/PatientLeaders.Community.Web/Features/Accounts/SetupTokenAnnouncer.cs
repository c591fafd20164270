using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>On an empty database, prints the one-time link that creates the first administrator.</summary>
public sealed class SetupTokenAnnouncer(IServiceScopeFactory scopes, SetupToken setupToken, IOptions<AccountOptions> options, IHostApplicationLifetime lifetime,
    ILogger<SetupTokenAnnouncer> logger) : IHostedService
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
        // Printed a moment after the site is listening, so that it comes after the host's own start-up lines (which
        // the logger writes from its queue) and is the last thing on screen. Written to the console on purpose: only
        // whoever started the site can read it.
        lifetime.ApplicationStarted.Register(() => _ = Task.Delay(TimeSpan.FromSeconds(1), lifetime.ApplicationStopping)
            .ContinueWith(_ => Console.WriteLine(Banner(link)), TaskContinuationOptions.OnlyOnRanToCompletion));
        logger.LogInformation("A one-time setup link is printed to the console once the site has started.");
    }

    /// <summary>The setup link in a frame of its own.</summary>
    public static string Banner(string link)
    {
        var rule = new string('=', Math.Max(72, link.Length + 4));
        return string.Join(Environment.NewLine,
            "", rule,
            "  FIRST-TIME SETUP: there are no members yet.",
            "  Open this one-time link to create the first administrator:",
            "", "  " + link, "",
            "  It works once. Keep it private: whoever opens it becomes the administrator.",
            rule, "");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
