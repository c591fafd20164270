using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

public static class MailServices
{
    /// <summary>The outbox, the configured transport and (when Mail:SenderEnabled) the background sender.
    /// Needs AddData() and a TimeProvider.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            if (options.Transport == MailOptions.SmtpTransport)
            {
                return new SmtpMailTransport(options);
            }
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new PickupFolderMailTransport(options, Path.GetFullPath(Path.Combine(contentRoot, options.PickupFolder)));
        });
        services.AddSingleton<OutboxSender>();
        // Registered always (configuration is not readable here); with SenderEnabled off it returns at once,
        // and SendDueAsync stays available to a command-line verb.
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
