using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PatientLeaders.Community.Web.Features.Forum.Threads.PostMarkup;

/// <summary>A post's shared markup as the template wrote it: literal runs with a hole between each two.</summary>
public sealed class RememberedPost(IReadOnlyList<string> runs, IReadOnlyList<PostHole> holes)
{
    private readonly IReadOnlyList<string> runs = runs;
    private readonly IReadOnlyList<PostHole> holes = holes;

    public int Length { get; } = runs.Sum(r => r.Length);

    /// <summary>The markup with this reader's values in its holes.</summary>
    public IHtmlContent For(PostReaderState reader) => new Filled(this, reader);

    private sealed class Filled(RememberedPost markup, PostReaderState reader) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            for (var i = 0; i < markup.holes.Count; i++)
            {
                writer.Write(markup.runs[i]);
                writer.Write(reader.Value(markup.holes[i]));
            }
            writer.Write(markup.runs[^1]);
        }
    }
}

/// <summary>Where the template writes a post's markup to be remembered: <see cref="PostHoleContent"/> marks its holes here.</summary>
public sealed class PostMarkupWriter : StringWriter
{
    private readonly List<string> runs = [];
    private readonly List<PostHole> holes = [];

    public void Hole(PostHole hole)
    {
        runs.Add(Take());
        holes.Add(hole);
    }

    public RememberedPost ToMarkup()
    {
        runs.Add(Take());
        return new RememberedPost(runs, holes);
    }

    private string Take()
    {
        var builder = GetStringBuilder();
        var run = builder.ToString();
        builder.Clear();
        return run;
    }
}
