using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>Post Markdown → sanitized HTML with @mentions of real members linked to their profiles.</summary>
public sealed class PostRenderer(MarkdownRenderer renderer, MentionLinker linker)
{
    public SanitizedHtml Render(string markdown, IReadOnlyDictionary<string, long> members) =>
        linker.Link(renderer.Render(markdown), members.ContainsKey);
}
