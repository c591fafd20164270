namespace PatientLeaders.Community.Web.Infrastructure.Content;

public static class ContentServices
{
    public static IServiceCollection AddContentRendering(this IServiceCollection services)
    {
        services.AddSingleton<HtmlSanitizer>();
        services.AddSingleton<MarkdownRenderer>();
        return services;
    }
}
