namespace PatientLeaders.Community.Web.Features.Notifications;

public static class NotificationsServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<NotificationBadge>();
        return services;
    }
}
