namespace PatientLeaders.Community.Web.Data;

public static class MigrationSql
{
    public const string CreateJournalSqlite = """
        CREATE TABLE IF NOT EXISTS SchemaMigrations (
            Name TEXT NOT NULL PRIMARY KEY,
            Checksum TEXT NOT NULL,
            AppliedAt TEXT NOT NULL
        );
        """;

    public const string CreateJournalSqlServer = """
        IF OBJECT_ID(N'dbo.SchemaMigrations', N'U') IS NULL
        CREATE TABLE dbo.SchemaMigrations (
            Name NVARCHAR(200) NOT NULL CONSTRAINT PK_SchemaMigrations PRIMARY KEY,
            Checksum NVARCHAR(64) NOT NULL,
            AppliedAt DATETIMEOFFSET NOT NULL
        );
        """;

    /// <summary>Serialises migrators across processes on SQL Server; SQLite's BEGIN IMMEDIATE does the same.</summary>
    public const string TakeLockSqlServer = """
        EXEC sp_getapplock @Resource = N'SchemaMigrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 120000;
        """;

    /// <summary>The same lock for scripts that run outside a transaction; released by <see cref="ReleaseSessionLockSqlServer"/>.</summary>
    public const string TakeSessionLockSqlServer = """
        EXEC sp_getapplock @Resource = N'SchemaMigrations', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 120000;
        """;

    public const string ReleaseSessionLockSqlServer = """
        EXEC sp_releaseapplock @Resource = N'SchemaMigrations', @LockOwner = N'Session';
        """;

    public const string SelectApplied = "SELECT Name, Checksum FROM SchemaMigrations ORDER BY Name";

    public const string SelectChecksum = "SELECT Checksum FROM SchemaMigrations WHERE Name = @Name";

    public const string InsertApplied = "INSERT INTO SchemaMigrations (Name, Checksum, AppliedAt) VALUES (@Name, @Checksum, @AppliedAt)";
}
