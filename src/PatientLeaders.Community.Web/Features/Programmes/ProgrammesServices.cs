using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Programmes;

public static class ProgrammesServices
{
    public const string ApplyLimit = "programme-applications";

    /// <summary>Programme coordinators, and admins, who count as coordinators.</summary>
    public const string CoordinatorPolicy = "ProgrammeCoordinator";

    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.AddOptions<ProgrammesOptions>().BindConfiguration(ProgrammesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProgrammeStore>();
        services.AddSingleton<ApplicationStore>();
        services.AddSingleton<ProgrammeMail>();
        services.AddSingleton<ProgrammesData>();
        services.AddSingleton<ParticipationStore>();
        services.AddSingleton<CertificateStore>();
        services.AddSingleton<MaterialStore>();
        services.AddSingleton<TrioStore>();
        services.AddSingleton<Outcomes.OutcomeStore>();
        services.AddSingleton<Mentoring.ISessionLoggedListener, CoachingCallListener>();
        services.AddHostedService<ProgrammeScheduler>();
        services.AddAuthorizationBuilder().AddPolicy(CoordinatorPolicy, p => p.RequireRole(Roles.ProgrammeCoordinator, Roles.Admin));
        // Per member, form posts only, so nobody floods the coordinators with applications.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ProgrammesOptions>>((o, programmes) =>
            o.AddPolicy(ApplyLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("member:" + (SessionCookieEvents.MemberId(context.User)?.ToString(CultureInfo.InvariantCulture) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = programmes.Value.ApplicationsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads")));
        return services;
    }
}
