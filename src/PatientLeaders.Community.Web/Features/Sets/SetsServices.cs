using Microsoft.AspNetCore.SignalR;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;

namespace PatientLeaders.Community.Web.Features.Sets;

public static class SetsServices
{
    public static IServiceCollection AddSets(this IServiceCollection services)
    {
        services.AddOptions<SetsOptions>().BindConfiguration(SetsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TurnCredentials>();
        services.AddSingleton<SetStore>();
        services.AddSingleton<MeetingStore>();
        services.AddSingleton<RoomStore>();
        services.AddSingleton<RoomConnections>();
        services.AddSingleton<RoomPresenceBoard>();
        services.AddHostedService<RoomPresenceHeartbeat>();
        services.AddSingleton<RoomService>();
        services.AddSingleton<IClusterMessageHandler, RoomRevocations>();
        // One instance, so each member's rate-limit budget is shared by all their connections.
        services.AddSingleton<RoomHubFilter>();
        services.AddHostedService<MeetingReminderService>();
        services.AddHostedService<FacilitatorWatchService>();
        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.AddFilter<RoomHubFilter>();
        });
        return services;
    }

    public static WebApplication MapSets(this WebApplication app)
    {
        // Browsers do not apply CORS to WebSockets: refuse a handshake from another site's page (ASVS 4.4.2).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/hubs"), branch => branch.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || !string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        }));
        app.MapHub<RoomHub>(RoomHub.Path);
        return app;
    }
}
