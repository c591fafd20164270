using System.Collections.Concurrent;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Tests.Content;

[Parallelizable(ParallelScope.All)]
public sealed class XssCorpusTests
{
    private static readonly HtmlSanitizer Sanitizer = new();
    private static readonly MarkdownRenderer Renderer = new(Sanitizer);

    [Test]
    public void Corpus_Loaded_HasHundredsOfVectors()
    {
        Assert.That(XssCorpus.Vectors, Has.Count.GreaterThanOrEqualTo(300));
    }

    [TestCaseSource(typeof(XssCorpus), nameof(XssCorpus.Cases))]
    public void Render_CorpusVector_OutputIsSafeAndStable(string vector)
    {
        var html = Renderer.Render(vector).Value;

        Assert.Multiple(() =>
        {
            Assert.That(HtmlSafetyChecker.FindProblems(html), Is.Empty, html);
            Assert.That(Sanitizer.Sanitize(html).Value, Is.EqualTo(html), "re-sanitizing changed the output");
        });
    }

    [TestCaseSource(typeof(XssCorpus), nameof(XssCorpus.Cases))]
    public void Sanitize_CorpusVector_OutputIsSafeAndStable(string vector)
    {
        var html = Sanitizer.Sanitize(vector).Value;

        Assert.Multiple(() =>
        {
            Assert.That(HtmlSafetyChecker.FindProblems(html), Is.Empty, html);
            Assert.That(Sanitizer.Sanitize(html).Value, Is.EqualTo(html), "re-sanitizing changed the output");
        });
    }

    [TestCase("<img src=x onerror=alert(1)>", "event handler")]
    [TestCase("<script>alert(1)</script>", "<script")]
    [TestCase("<a href=\"java&#x09;script:alert(1)\">x</a>", "unsafe URL")]
    [TestCase("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "unsafe URL")]
    [TestCase("<img src=\"mailto:x@example.com\">", "unsafe URL")]
    [TestCase("<a href=\"https://example.com\">x</a>", "without rel")]
    [TestCase("<p style=\"color:red\" id=\"x\">x</p>", "forbidden attribute")]
    [TestCase("<svg><g></g></svg>", "forbidden element <svg>")]
    [TestCase("<template><p>x</p></template>", "forbidden element <template>")]
    [TestCase("<div title=\"a\" onclick=\"b\">x</div>", "event handler")]
    public void Checker_UnsafeHtml_ReportsProblem(string html, string expected)
    {
        Assert.That(HtmlSafetyChecker.FindProblems(html), Has.Some.Contains(expected));
    }

    [TestCase("<p title=\"x onclick=alert(1)\">onclick=not code</p>")]
    [TestCase("<a href=\"/local\">x</a>")]
    [TestCase("<a href=\"mailto:a@example.com\">x</a>")]
    [TestCase("<img src=\"https://example.com/a.png\" alt=\"a\">")]
    public void Checker_SafeHtml_ReportsNothing(string html)
    {
        Assert.That(HtmlSafetyChecker.FindProblems(html), Is.Empty);
    }

    [Test]
    [NonParallelizable]
    public void RenderAndSanitize_CorpusOnManyThreads_MatchSingleThreadedResults()
    {
        var vectors = XssCorpus.Vectors;
        var expected = vectors.Select(v => (Renderer.Render(v).Value, Sanitizer.Sanitize(v).Value)).ToArray();

        var actual = new ConcurrentBag<(int Index, string Rendered, string Sanitized)>();
        var work = Enumerable.Range(0, vectors.Count).SelectMany(i => new[] { i, i, i });
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            actual.Add((i, Renderer.Render(vectors[i]).Value, Sanitizer.Sanitize(vectors[i]).Value)));

        var mismatches = actual.Where(r => (r.Rendered, r.Sanitized) != expected[r.Index]).Select(r => r.Index + 1).Distinct();
        Assert.Multiple(() =>
        {
            Assert.That(actual, Has.Count.EqualTo(vectors.Count * 3));
            Assert.That(mismatches, Is.Empty, "vectors whose output differed when run concurrently");
        });
    }
}
