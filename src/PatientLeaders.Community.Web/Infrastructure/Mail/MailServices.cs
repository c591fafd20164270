namespace PatientLeaders.Community.Web.Infrastructure.Mail;
public static class MailServices
{
    public static IServiceCollection AddMail(this IServiceCollection services) => services.AddSingleton<MailOutbox>();
}
