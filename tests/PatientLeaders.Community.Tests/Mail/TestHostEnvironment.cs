using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace PatientLeaders.Community.Tests.Mail;

public sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Development;

    public string ApplicationName { get; set; } = "PatientLeaders.Community.Web";

    public string ContentRootPath { get; set; } = contentRoot;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
