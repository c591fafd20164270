using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Infrastructure.Uploads;

public sealed record StoredFile
{
    public string Id { get; init; } = "";
    public string Kind { get; init; } = "";
    public long Size { get; init; }
    public string OriginalName { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public DateTimeOffset UploadedAt { get; init; }

    public FileKind FileKind => FileKinds.ByCode(Kind) ?? FileKinds.Pdf;
}

public enum UploadProblem
{
    Missing,
    Empty,
    TooLarge,
    WrongKind,
}

public sealed record UploadResult(StoredFile? File, UploadProblem? Problem);

/// <summary>
/// The one store for files members upload, used by every feature that takes files. A file is checked from its bytes
/// (its name must agree), limited in size, written outside the web root under a random name, and recorded. It is
/// read back only through a feature's own page, which decides who may have it and serves it as an attachment.
/// </summary>
public sealed class FileStore(DbConnectionFactory db, IOptions<UploadOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    private string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    public long MaxBytes => options.Value.MaxMegabytes * 1024L * 1024L;

    public async Task<UploadResult> SaveAsync(IFormFile? upload, IReadOnlyList<FileKind> allowed, long uploaderId, CancellationToken ct)
    {
        if (upload is null)
        {
            return new UploadResult(null, UploadProblem.Missing);
        }
        if (upload.Length == 0)
        {
            return new UploadResult(null, UploadProblem.Empty);
        }
        if (upload.Length > MaxBytes)
        {
            return new UploadResult(null, UploadProblem.TooLarge);
        }
        Directory.CreateDirectory(Folder);
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var part = Path.Combine(Folder, id + ".part");
        try
        {
            await using (var file = new FileStream(part, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await using (var source = upload.OpenReadStream())
                {
                    await source.CopyToAsync(file, ct);
                }
                var kind = FileKinds.Detect(file);
                var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
                if (kind is null || !allowed.Contains(kind) || !kind.Extensions.Contains(extension))
                {
                    return new UploadResult(null, UploadProblem.WrongKind);
                }
                file.Position = 0;
                var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
                var stored = new StoredFile
                {
                    Id = id, Kind = kind.Code, Size = file.Length, OriginalName = SafeName(upload.FileName, kind), Sha256 = hash, UploadedAt = clock.GetUtcNow(),
                };
                await using var connection = await db.OpenAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition(UploadSql.Insert, new
                {
                    stored.Id, stored.Kind, stored.Size, stored.OriginalName, stored.Sha256, UploadedById = uploaderId, stored.UploadedAt,
                }, cancellationToken: ct));
                file.Close();
                File.Move(part, Path.Combine(Folder, id));
                return new UploadResult(stored, null);
            }
        }
        finally
        {
            File.Delete(part);
        }
    }

    public async Task<StoredFile?> FindAsync(string id, CancellationToken ct)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredFile>(new CommandDefinition(UploadSql.Select, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>The bytes of a file already found through <see cref="FindAsync"/>; null if they are missing from the folder.</summary>
    public Stream? Open(StoredFile file)
    {
        var path = Path.Combine(Folder, file.Id);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    /// <summary>The name the file is offered under: the uploader's, without a path or odd characters, with its true extension.</summary>
    private static string SafeName(string name, FileKind kind)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(name.Replace('\\', '/')));
        var clean = new string(stem.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')').ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "file";
        }
        return (clean.Length > 100 ? clean[..100] : clean) + kind.Extensions[0];
    }
}

public static class UploadSql
{
    public const string Insert = """
        INSERT INTO UploadedFiles (Id, Kind, Size, OriginalName, Sha256, UploadedById, UploadedAt)
        VALUES (@Id, @Kind, @Size, @OriginalName, @Sha256, @UploadedById, @UploadedAt)
        """;

    public const string Select = "SELECT Id, Kind, Size, OriginalName, Sha256, UploadedAt FROM UploadedFiles WHERE Id = @Id";
}

public static class UploadServices
{
    public static IServiceCollection AddUploads(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FileStore>();
        return services;
    }
}
