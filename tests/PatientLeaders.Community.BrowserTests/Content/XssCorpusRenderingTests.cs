using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Tests.Content;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.BrowserTests.Content;

/// <summary>
/// Renders the sanitized output of every corpus vector into one real Chromium page with alert/confirm/prompt/print
/// trapped, pokes every element with hover and focus events, and fails on any dialog or trap hit.
/// </summary>
public sealed class XssCorpusRenderingTests
{
    private const string TrapScript = """
        (() => {
          window.__xssHits = [];
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            window[name] = function () { window.__xssHits.push(name + ':' + Array.from(arguments).join(',')); };
          }
        })();
        """;

    private const string PokeScript = """
        () => {
          for (const element of document.querySelectorAll('body *')) {
            for (const type of ['pointerover', 'mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin', 'animationstart']) {
              element.dispatchEvent(new Event(type, { bubbles: true }));
            }
            if (typeof element.focus === 'function') element.focus();
          }
        }
        """;

    private static readonly HtmlSanitizer Sanitizer = new();
    private static readonly MarkdownRenderer Renderer = new(Sanitizer);

    private IBrowser browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => browser = await Chromium.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
    }

    [Test]
    public async Task RenderedCorpus_InRealBrowser_RaisesNoDialog()
    {
        var sections = XssCorpus.Vectors.SelectMany(vector => new[] { Renderer.Render(vector).Value, Sanitizer.Sanitize(vector).Value });

        var hits = await RenderAsync(sections);

        Assert.That(hits, Is.Empty);
    }

    [Test]
    public async Task Harness_UnsanitizedHandler_TripsTheTrap()
    {
        var hits = await RenderAsync(["<p>ok</p>", "<img src=x onerror=alert(1)>"]);

        Assert.That(hits, Has.Some.StartsWith("alert"));
    }

    [Test]
    public async Task Harness_UnsanitizedHoverHandler_TripsTheTrap()
    {
        var hits = await RenderAsync(["<p onmouseover=\"confirm(2)\">hover me</p>"]);

        Assert.That(hits, Has.Some.StartsWith("confirm"));
    }

    [Test]
    public async Task SanitizedCorpus_ReparsedByBrowser_BuildsTheTreeTheSanitizerApproved()
    {
        var outputs = XssCorpus.Vectors
            .SelectMany(vector => new[] { Renderer.Render(vector).Value, Sanitizer.Sanitize(vector).Value })
            .Distinct()
            .ToArray();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html lang=\"en\"><head><title>reparse</title></head><body></body></html>");

        var browserTrees = await page.EvaluateAsync<string[]>(
            """
            (items) => {
              const json = (s) => '"' + s.replace(/[\u0000-\u001f"\\\u007f-\uffff]/g,
                c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"';
              const dump = (node) => {
                if (node.nodeType === Node.TEXT_NODE) return json(node.data);
                if (node.nodeType !== Node.ELEMENT_NODE) return '?' + node.nodeType;
                const attributes = Array.from(node.attributes).map(a => a.name + '=' + json(a.value)).sort().join(' ');
                return '<' + node.localName + (attributes ? ' ' + attributes : '') + '>'
                  + Array.from(node.childNodes).map(dump).join('') + '</' + node.localName + '>';
              };
              return items.map(html => {
                const body = document.createElement('body');
                body.innerHTML = html;
                return Array.from(body.childNodes).map(dump).join('');
              });
            }
            """,
            outputs);

        var differences = outputs.Zip(browserTrees)
            .Where(pair => DomDump.OfFragment(pair.First) != pair.Second)
            .Select(pair => $"{pair.First}\n  sanitizer tree: {DomDump.OfFragment(pair.First)}\n  browser tree:   {pair.Second}")
            .ToArray();
        Assert.That(differences, Is.Empty);
    }

    private async Task<IReadOnlyCollection<string>> RenderAsync(IEnumerable<string> sections)
    {
        var hits = new ConcurrentQueue<string>();
        await using var context = await browser.NewContextAsync();
        await context.RouteAsync("**/*", route => route.AbortAsync());
        await context.AddInitScriptAsync(TrapScript);
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            hits.Enqueue("dialog:" + dialog.Type + ":" + dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync("about:blank");
        Assert.That(await page.EvaluateAsync<bool>("() => Array.isArray(window.__xssHits)"), Is.True, "trap not installed");

        var document = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>corpus</title></head><body>");
        foreach (var section in sections)
        {
            document.Append("<section>").Append(section).Append("</section>\n");
        }

        document.Append("</body></html>");
        await page.SetContentAsync(document.ToString(), new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync(PokeScript);
        await page.WaitForTimeoutAsync(500);

        foreach (var hit in await page.EvaluateAsync<string[]>("() => window.__xssHits"))
        {
            hits.Enqueue(hit);
        }

        return hits;
    }
}
