using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Infrastructure.Uploads;

public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Where uploaded files are kept: outside the web root, relative to the content root unless absolute.</summary>
    [Required]
    public string Folder { get; set; } = "data/uploads";

    /// <summary>The largest file accepted, in megabytes.</summary>
    [Range(1, 100)]
    public int MaxMegabytes { get; set; } = 20;
}
