using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Mentoring;

public static class MentoringServices
{
    public const string MentorPolicy = "Mentor";
    public const string CoordinatorPolicy = "Coordinator";
    public const string RequestLimit = "mentoring-requests";

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
        services.AddHostedService(sp => sp.GetRequiredService<MentoringScheduler>());
        services.AddAuthorizationBuilder()
            .AddPolicy(MentorPolicy, p => p.RequireRole(Roles.Mentor))
            .AddPolicy(CoordinatorPolicy, p => p.RequireRole(Roles.Coordinator));
        // Per member, form posts only: asking for mentors is limited so that nobody floods the pool.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<MentoringOptions>>((o, mentoring) =>
            o.AddPolicy(RequestLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("member:" + (SessionCookieEvents.MemberId(context.User)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = mentoring.Value.RequestsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads")));
        return services;
    }
}
