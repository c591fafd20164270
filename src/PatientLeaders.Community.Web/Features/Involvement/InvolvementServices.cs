using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Involvement;

public static class InvolvementServices
{
    public const string ApplyLimit = "involvement-applications";

    public static IServiceCollection AddInvolvement(this IServiceCollection services)
    {
        services.AddOptions<InvolvementOptions>().BindConfiguration(InvolvementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InvolvementMail>();
        services.AddSingleton<InvolvementData>();
        services.AddSingleton<Organisations.OrganisationStore>();
        services.AddSingleton<Pool.PoolStore>();
        services.AddSingleton<Opportunities.OpportunityStore>();
        services.AddSingleton<Work.WorkStore>();
        services.AddSingleton<Work.PoolOverview>();
        services.AddHostedService<InvolvementScheduler>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<InvolvementOptions>>((o, involvement) =>
            o.AddPolicy(ApplyLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("member:" + (SessionCookieEvents.MemberId(context.User)?.ToString(CultureInfo.InvariantCulture) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = involvement.Value.ApplicationsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads")));
        return services;
    }
}
