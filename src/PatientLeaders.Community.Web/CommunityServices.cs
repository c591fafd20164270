using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Admin;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Home;
using PatientLeaders.Community.Web.Features.Messages;
using PatientLeaders.Community.Web.Features.Impact;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Notifications;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Profiles;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Health;
using PatientLeaders.Community.Web.Infrastructure.Hosting;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;
using PatientLeaders.Community.Web.Infrastructure.Retention;
using PatientLeaders.Community.Web.Infrastructure.Scheduling;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;
using PatientLeaders.Community.Web.Infrastructure.Security;
using PatientLeaders.Community.Web.Infrastructure.Uploads;

namespace PatientLeaders.Community.Web;

public static class CommunityServices
{
    public static WebApplicationBuilder AddCommunity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // SignalR logs every exception from a hub method as an error with its trace, expected refusals included;
        // the hub filter logs refusals as information and real failures as errors itself (RoomHubFilter).
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None);
        services.AddSingleton(TimeProvider.System);
        services.AddData();
        services.AddMail();
        services.AddContentRendering();
        services.AddUploads();
        services.AddAccounts(builder.Environment);
        services.AddProfiles();
        services.AddAdmin();
        services.AddMentoring();
        services.AddScheduling();
        services.AddRetention();
        services.AddNotifications();
        services.AddForum();
        services.AddSets();
        services.AddProgrammes();
        services.AddInvolvement();
        services.AddImpact();
        services.AddHome();
        services.AddMessages();
        services.AddScaleOut(builder.Configuration, builder.Environment);
        services.AddReverseProxy(builder.Configuration);
        services.AddSiteLocalization();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AuthorizeFolder("/Admin", AccountsServices.AdminPolicy);
            options.Conventions.AuthorizeFolder("/Programmes/Manage", ProgrammesServices.CoordinatorPolicy);
            options.Conventions.AuthorizeFolder("/Involvement/Organisations/Manage", ProgrammesServices.CoordinatorPolicy);
            options.Conventions.AuthorizeFolder("/Impact/Stories/Manage", ProgrammesServices.CoordinatorPolicy);
        })
            .AddMvcOptions(options => options.ModelBinderProviders.Insert(0, new BoundedDatesBinderProvider()))
            // Forms are checked on the server and answered with an error summary; the site ships no script that reads
            // the data-val-* attributes, whose localised messages cost every form field a lookup on every page.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<IHtmlGenerator, OneTokenHtmlGenerator>();
        KeptTokenAntiforgery.Register(services);
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider, QuietTempDataProvider>();
        return builder;
    }

    public static WebApplication UseCommunity(this WebApplication app)
    {
        // First: the visitor's own address and scheme, when a trusted proxy says so (HSTS, Secure cookies, rate limits).
        app.UseForwardedHeaders();
        // Never a stack trace, in any environment: details go to the log with the trace id shown to the user.
        app.UseExceptionHandler("/errors/500");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        app.UseMiddleware<RequestLimits>();
        app.Use(LiveShutdown.RefuseWhileStoppingAsync);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication, so a member's saved language comes first (MemberLanguageProvider).
        app.UseRequestLocalization();
        app.UseMiddleware<StaffTwoFactorMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealthChecks("/healthz").AllowAnonymous().WithMetadata(new AllowedWithoutTwoFactor());
        app.MapRazorPages();
        app.MapSets();
        app.MapMentoring();
        app.MapForum();
        return app;
    }
}
