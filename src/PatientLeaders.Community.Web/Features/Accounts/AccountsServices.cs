using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;

namespace PatientLeaders.Community.Web.Features.Accounts;

public static class AccountsServices
{
    public const string AdminPolicy = "Admin";
    public const string SignInLimit = "sign-in";
    public const string RegistrationLimit = "registration";
    public const string PasswordResetLimit = "password-reset";
    public const string InvitationLimit = "invitations";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var accountOptions = new AccountOptions();

        services.AddIdentity<Member, Role>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-_";
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.SignIn.RequireConfirmedEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = accountOptions.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accountOptions.LockoutMinutes);
            })
            .AddUserStore<MemberStore>()
            .AddRoleStore<RoleStore>()
            .AddClaimsPrincipalFactory<MemberClaimsPrincipalFactory>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddSignInManager<MemberSignInManager>()
            // Only link tokens and authenticator apps: no SMS or email codes, so no phone store is needed.
            .AddTokenProvider<DataProtectorTokenProvider<Member>>(TokenOptions.DefaultProvider)
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 600_000);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromMinutes(accountOptions.PasswordResetMinutes));

        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        var prefix = environment.IsDevelopment() ? "" : "__Host-";
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = prefix + "plc-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/errors/403";
            o.ExpireTimeSpan = TimeSpan.FromDays(accountOptions.AbsoluteSessionDays);
            o.SlidingExpiration = false;
            o.EventsType = typeof(SessionCookieEvents);
        });
        // After the cookie handler's own post-configuration, which creates the format this wraps.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
            o.TicketDataFormat = new RememberedTicketFormat(o.TicketDataFormat));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = prefix + "plc-2fa";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "plc-af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));

        services.AddScoped<SessionCookieEvents>();
        services.AddScoped<MemberStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<MemberRoleGrants>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveShutdown>());
        services.AddSingleton<LiveConnectionClosing>();
        services.AddSingleton<IClusterMessageHandler>(sp => sp.GetRequiredService<LiveConnectionClosing>());
        services.AddSingleton<SecurityEventLog>();
        services.AddSingleton<InvitationStore>();
        services.AddSingleton<AccountMail>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<Suspensions>();
        services.AddSingleton<SetupToken>();
        services.AddHostedService<SetupTokenAnnouncer>();
        services.AddRateLimits();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            o.ExcludedHosts.Clear();
        });
        return services;
    }

    private static void AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        // The policies read RateLimitOptions, so they are configured once options can be resolved.
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>((o, limits) =>
        {
            var l = limits.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // The status page, re-executed for this request, words its message for the limit that was reached.
                context.HttpContext.Items[Errors.StatusModel.RateLimitPolicyItem] =
                    context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName;
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("RateLimits")
                    .LogWarning("Rate limit reached on {Path}", context.HttpContext.Request.Path.Value);
                return ValueTask.CompletedTask;
            };
            // Only form posts count: reading a sign-in page is never limited.
            o.AddPolicy(SignInLimit, PostsPerAddress(l.SignInPerFiveMinutes, TimeSpan.FromMinutes(5)));
            o.AddPolicy(RegistrationLimit, PostsPerAddress(l.RegistrationPerTenMinutes, TimeSpan.FromMinutes(10)));
            o.AddPolicy(PasswordResetLimit, PostsPerAddress(l.PasswordResetPerFifteenMinutes, TimeSpan.FromMinutes(15)));
            o.AddPolicy(InvitationLimit, PostsPerAddress(l.InvitationsPerHour, TimeSpan.FromHours(1)));
        });
    }

    private static Func<HttpContext, RateLimitPartition<string>> PostsPerAddress(int permits, TimeSpan window) => context =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("reads");
}
