using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Tests.Mail;

public sealed class MailServicesTests
{
    [Test]
    public async Task AddMail_NoConfiguration_PickupFolderUnderContentRootWithDefaults()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var provider = Build(database, new Dictionary<string, string?>());

        var options = provider.GetRequiredService<IOptions<MailOptions>>().Value;
        var transport = provider.GetRequiredService<IMailTransport>();

        Assert.Multiple(() =>
        {
            Assert.That(transport, Is.InstanceOf<PickupFolderMailTransport>());
            Assert.That(((PickupFolderMailTransport)transport).Folder, Is.EqualTo(Path.Combine(TestDatabase.RootFolder, "data", "mail")));
            Assert.That(options.FromAddress, Is.EqualTo("community@localhost"));
            Assert.That(options.FromName, Is.EqualTo("Patient Leaders Community"));
            Assert.That(options.Smtp.Port, Is.EqualTo(587));
            Assert.That(options.PollIntervalSeconds, Is.EqualTo(5));
            Assert.That(options.LeaseSeconds, Is.EqualTo(120));
            Assert.That(options.MaxAttempts, Is.EqualTo(8));
            Assert.That(options.BaseRetrySeconds, Is.EqualTo(30));
            Assert.That(options.MaxRetrySeconds, Is.EqualTo(3600));
            Assert.That(options.BatchSize, Is.EqualTo(20));
            Assert.That(options.SenderEnabled, Is.True);
            Assert.That(provider.GetServices<IHostedService>().OfType<OutboxSender>(), Has.Exactly(1).Items);
            Assert.That(provider.GetRequiredService<MailOutbox>(), Is.Not.Null);
        });
    }

    [Test]
    public async Task AddMail_SmtpConfigured_SmtpTransport()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var provider = Build(database, new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = "smtp.example.org",
            ["Mail:Smtp:Port"] = "587",
            ["Mail:Smtp:Security"] = "StartTls",
        });

        Assert.That(provider.GetRequiredService<IMailTransport>(), Is.InstanceOf<SmtpMailTransport>());
    }

    [TestCase("Mail:Transport", "Sendmail")]
    [TestCase("Mail:FromAddress", "not an address")]
    [TestCase("Mail:BatchSize", "0")]
    [TestCase("Mail:Smtp:Port", "70000")]
    [TestCase("Mail:Smtp:Security", "Sometimes")]
    public async Task AddMail_InvalidSetting_FailsValidation(string key, string value)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var provider = Build(database, new Dictionary<string, string?> { [key] = value });

        Assert.That(() => provider.GetRequiredService<IOptions<MailOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public async Task AddMail_SmtpWithoutHost_FailsValidation()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var provider = Build(database, new Dictionary<string, string?> { ["Mail:Transport"] = "Smtp" });

        Assert.That(() => provider.GetRequiredService<IOptions<MailOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Mail:Smtp:Host"));
    }

    private static ServiceProvider Build(TestDatabase database, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(TestDatabase.RootFolder));
        services.AddSingleton<TimeProvider>(new FakeClock());
        services.AddSingleton(database.Factory);
        services.AddLogging();
        services.AddMail();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
