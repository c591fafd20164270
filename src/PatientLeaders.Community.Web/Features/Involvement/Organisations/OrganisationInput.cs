using System.ComponentModel.DataAnnotations;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Involvement.Organisations;

/// <summary>The organisation form, shared by adding and editing.</summary>
public sealed class OrganisationInput
{
    [Required(ErrorMessage = "Enter the organisation's name")]
    [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
    [PlainText]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose the kind of organisation")]
    public string Kind { get; set; } = "Trust";

    [StringLength(4000, ErrorMessage = "This must be 4,000 characters or fewer")]
    public string? About { get; set; }

    [StringLength(300, ErrorMessage = "The web address must be 300 characters or fewer")]
    [Url(ErrorMessage = "Enter a web address starting with https://")]
    public string? Website { get; set; }

    public OrganisationEdit ToEdit() => new(Name.Trim(), Kind, (About ?? "").Trim(), (Website ?? "").Trim());

    public bool IsValidKind => InvolvementVocabulary.OrganisationKinds.IsKnown(Kind);

    public static OrganisationInput From(OrganisationView o) => new() { Name = o.Name, Kind = o.Kind, About = o.About, Website = o.Website };
}
