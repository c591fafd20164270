namespace PatientLeaders.Community.Web.Infrastructure.Retention;

public static class RetentionServices
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionPurge>());
        return services;
    }
}
