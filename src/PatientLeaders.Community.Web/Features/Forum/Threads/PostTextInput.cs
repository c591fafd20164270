using System.ComponentModel.DataAnnotations;
using PatientLeaders.Community.Web.Infrastructure.Content;

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
}
