namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// When the site begins to stop, its live connections (set rooms, forum updates, mentoring messages) must not hold
/// it open: every open one is closed at once, and pages that try to reconnect to the stopping process are told to
/// come back shortly (503 with Retry-After), so they reach the next process instead. Without this their sockets
/// keep the old process alive until the host's shutdown limit, and a restart means half a minute with no site.
/// </summary>
public sealed class LiveShutdown(LiveConnections live, IHostApplicationLifetime lifetime) : IHostedService
{
    public const int RetryAfterSeconds = 2;

    private volatile bool stopping;

    public bool IsStopping => stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(Begin);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Refuses new live connections from now on and closes the open ones (the pages reconnect elsewhere).</summary>
    public void Begin()
    {
        stopping = true;
        live.CloseAll();
    }

    /// <summary>Refuses a request to a hub (its negotiation or its socket) while the site stops.</summary>
    public static async Task RefuseWhileStoppingAsync(HttpContext context, Func<Task> next)
    {
        var shutdown = context.RequestServices.GetRequiredService<LiveShutdown>();
        if (shutdown.IsStopping && context.Request.Path.StartsWithSegments("/hubs"))
        {
            // A bare answer for the page's script, not the error page.
            context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.Connection = "close";
            return;
        }
        await next();
    }
}
