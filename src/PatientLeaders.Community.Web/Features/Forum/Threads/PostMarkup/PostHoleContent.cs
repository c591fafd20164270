using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PatientLeaders.Community.Web.Features.Forum.Threads.PostMarkup;

/// <summary>
/// A hole written by the post template: into a <see cref="PostMarkupWriter"/> it leaves a mark where each reader's
/// value goes; anywhere else it writes this reader's value. Values are tokens and fixed markup, written as they are.
/// </summary>
public sealed class PostHoleContent(PostReaderState reader, PostHole hole) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (writer is PostMarkupWriter markup)
        {
            markup.Hole(hole);
        }
        else
        {
            writer.Write(reader.Value(hole));
        }
    }
}
