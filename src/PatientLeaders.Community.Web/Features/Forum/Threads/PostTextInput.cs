using System.ComponentModel.DataAnnotations;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>The text fields every composer shares (new thread, reply, edit).</summary>
public class PostTextInput
{
    [Required(ErrorMessage = "Write your message")]
    [StringLength(PostLimits.BodyMax, ErrorMessage = "Your message must be 32,000 characters or fewer")]
    [MarkdownText]
    public string Body { get; set => field = value ?? ""; } = "";

    [StringLength(PostLimits.ContentNoteMax, ErrorMessage = "The content note must be 100 characters or fewer")]
    public string? ContentNote { get; set; }

    public string CleanContentNote => ContentNote?.Trim() ?? "";

    /// <summary>The language the author says they wrote in: one of the site's, else the language they are reading in.</summary>
    [StringLength(20, ErrorMessage = "Choose a language from the list")]
    public string? Language { get; set; }

    public string ChosenLanguage =>
        SiteCultures.Match(Language) ?? SiteCultures.Match(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? SiteCultures.Default;
}
