namespace PatientLeaders.Community.Web.Features.Home;

public static class HomeServices
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddOptions<CentreOptions>().BindConfiguration(CentreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DashboardStore>();
        return services;
    }
}
