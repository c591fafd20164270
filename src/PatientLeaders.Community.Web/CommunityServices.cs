using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web;

public static class CommunityServices
{
    public static WebApplicationBuilder AddCommunity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddData();
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
        return builder;
    }

    public static WebApplication UseCommunity(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.MapRazorPages();
        return app;
    }
}
