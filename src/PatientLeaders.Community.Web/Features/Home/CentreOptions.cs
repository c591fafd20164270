using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Home;

/// <summary>
/// Who runs the site and how to reach them: shown on the home page, in the footer and on the Help and Accessibility
/// pages. Settings, so that another organisation can run the site under its own name.
/// </summary>
public sealed class CentreOptions
{
    public const string Section = "Centre";

    [Required, MaxLength(200)]
    public string Name { get; set; } = "the Centre for Patient Leaders";

    [Required, EmailAddress, MaxLength(320)]
    public string ContactEmail { get; set; } = "community@patientleaders.example";

    /// <summary>A postal address, one line each; empty shows none.</summary>
    [MaxLength(500)]
    public string Address { get; set; } = "";

    /// <summary>A telephone number for people who would rather talk; empty shows none.</summary>
    [MaxLength(40)]
    public string Telephone { get; set; } = "";
}
