using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default) or "SqlServer".</summary>
    [RegularExpression("^(Sqlite|SqlServer)$", ErrorMessage = "Database:Provider must be Sqlite or SqlServer.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Seconds a SQLite connection waits for another writer before giving up.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>Apply pending migrations when the site starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
