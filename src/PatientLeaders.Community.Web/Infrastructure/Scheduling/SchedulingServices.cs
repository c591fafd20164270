namespace PatientLeaders.Community.Web.Infrastructure.Scheduling;

public static class SchedulingServices
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StartDelay>();
        return services;
    }
}
