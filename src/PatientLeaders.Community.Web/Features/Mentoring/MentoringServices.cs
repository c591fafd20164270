using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;

namespace PatientLeaders.Community.Web.Features.Mentoring;

public static class MentoringServices
{
    public const string MentorPolicy = "Mentor";
    public const string CoordinatorPolicy = "Coordinator";
    public const string RequestLimit = "mentoring-requests";

    /// <summary>Who may use the coordinators' pages: coordinators, and admins.</summary>
    public static readonly string[] CoordinatingRoles = [Roles.Coordinator, Roles.Admin];

    public static bool IsCoordinating(System.Security.Claims.ClaimsPrincipal user) => CoordinatingRoles.Any(user.IsInRole);

    public static IServiceCollection AddMentoring(this IServiceCollection services)
    {
        services.AddOptions<MentoringOptions>().BindConfiguration(MentoringOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HandOnDays > o.ReminderDays, "Mentoring:HandOnDays must be more than Mentoring:ReminderDays, so the reminder comes first.")
            .ValidateOnStart();
        services.AddSingleton<MentoringMail>();
        services.AddSingleton<MentoringStore>();
        services.AddSingleton<RelationshipStore>();
        services.AddSingleton<MentoringData>();
        services.AddSingleton<MentoringScheduler>();
        services.AddSingleton<PairConnections>();
        services.AddSingleton<PairMessenger>();
        services.AddSingleton<IClusterMessageHandler>(sp => sp.GetRequiredService<PairMessenger>());
        services.AddHostedService(sp => sp.GetRequiredService<MentoringScheduler>());
        services.AddAuthorizationBuilder()
            .AddPolicy(MentorPolicy, p => p.RequireRole(Roles.Mentor))
            // Admins coordinate too: the same pages and the same rule that pairs' goals, notes and messages stay private.
            .AddPolicy(CoordinatorPolicy, p => p.RequireRole(CoordinatingRoles));
        // Per member, form posts only: asking for mentors is limited so that nobody floods the pool.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<MentoringOptions>>((o, mentoring) =>
            o.AddPolicy(RequestLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("member:" + (SessionCookieEvents.MemberId(context.User)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = mentoring.Value.RequestsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads")));
        return services;
    }

    /// <summary>The pair's live messages. The hub shares the set room's filter (live session, per-member budgets) and its same-origin check on /hubs.</summary>
    public static WebApplication MapMentoring(this WebApplication app)
    {
        app.MapHub<MentoringHub>(MentoringHub.Path);
        return app;
    }
}
