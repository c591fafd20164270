namespace PatientLeaders.Community.Web.Features.Messages;

public static class MessagesServices
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.AddSingleton<MessageStore>();
        services.AddSingleton<MessageMail>();
        services.AddSingleton<MessagesBadge>();
        services.AddSingleton<MessagesData>();
        return services;
    }
}
