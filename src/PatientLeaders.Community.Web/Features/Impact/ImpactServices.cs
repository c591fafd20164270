namespace PatientLeaders.Community.Web.Features.Impact;

public static class ImpactServices
{
    public static IServiceCollection AddImpact(this IServiceCollection services)
    {
        services.AddSingleton<StoryStore>();
        services.AddOptions<ImpactOptions>().BindConfiguration(ImpactOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
