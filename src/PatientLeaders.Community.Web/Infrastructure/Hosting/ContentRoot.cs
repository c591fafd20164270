namespace PatientLeaders.Community.Web.Infrastructure.Hosting;

/// <summary>
/// Where the site finds its web root (CSS, scripts) and its relative data paths. ASP.NET Core takes the working
/// folder, which is right for <c>dotnet run</c> in the project folder but serves no CSS or scripts when a published
/// build is started from anywhere else (a systemd unit, a shell in another folder). So when nothing names a content
/// root and the working folder has no <c>wwwroot</c> but the folder of the site's own files has, that folder is used.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Choose(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
    };

    /// <summary>The folder to use, or null to keep ASP.NET Core's choice.</summary>
    public static string? Choose(string[] args, string workingFolder, string installFolder, Func<string, string?> environment)
    {
        var named = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (named || Directory.Exists(Path.Combine(workingFolder, "wwwroot")))
        {
            return null;
        }

        return Directory.Exists(Path.Combine(installFolder, "wwwroot")) ? installFolder : null;
    }
}
