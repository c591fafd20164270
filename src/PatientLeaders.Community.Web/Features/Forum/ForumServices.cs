using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Email;
using PatientLeaders.Community.Web.Features.Forum.Moderation;
using PatientLeaders.Community.Web.Features.Forum.Saved;
using PatientLeaders.Community.Web.Features.Forum.Search;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Forum;

public static class ForumServices
{
    /// <summary>Rate-limit policy for pages that publish text; counts form posts per member, never reads or previews.</summary>
    public const string PostingLimit = "posting";

    /// <summary>Rate-limit policy for the unsubscribe page: every request, GET and POST, per network address (no one is signed in).</summary>
    public const string UnsubscribeLimit = "unsubscribe";

    public static IServiceCollection AddForum(this IServiceCollection services)
    {
        services.AddSingleton<ForumAccess>();
        services.AddSingleton<CategoryStore>();
        services.AddSingleton<ThreadStore>();
        services.AddSingleton<SharedPageCache>();
        services.AddSingleton<ThreadListCache>();
        services.AddSingleton<PostWriter>();
        services.AddSingleton<ForumLive>();
        services.AddSingleton<ForumMail>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddOptions<ForumDigestOptions>().BindConfiguration(ForumDigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ForumDigests>();
        services.AddHostedService<ForumDigestService>();
        services.AddSingleton<PostActionStore>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<SearchStore>();
        services.AddSingleton<SearchCache>();
        services.AddSingleton<ModerationStore>();
        services.AddSingleton<ModerationMail>();
        services.AddSingleton<ModerationBadge>();
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MentionLinker>();
        services.AddSingleton<PostRenderer>();
        services.AddSingleton<Threads.PostMarkup.PostMarkupCache>();
        services.AddSingleton<ForumMemberData>();
        services.AddSingleton<NewMemberLimits>();
        services.AddSingleton<ThreadMoves>();
        services.AddOptions<ForumSearchOptions>().BindConfiguration(ForumSearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NewMemberOptions>().BindConfiguration(NewMemberOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var permits = limits.Value.ForumPostsPerTenMinutes;
            o.AddPolicy(PostingLimit, context =>
                HttpMethods.IsPost(context.Request.Method) && !IsPreview(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "member:" + (SessionCookieEvents.MemberId(context.User)?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                            ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
            var unsubscribes = limits.Value.UnsubscribePerMinute;
            o.AddPolicy(UnsubscribeLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                "unsubscribe:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = unsubscribes, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static WebApplication MapForum(this WebApplication app)
    {
        app.MapHub<ForumHub>(ForumHub.Path);
        return app;
    }

    private static bool IsPreview(HttpContext context) =>
        string.Equals(context.Request.Query["handler"], "Preview", StringComparison.OrdinalIgnoreCase);
}
