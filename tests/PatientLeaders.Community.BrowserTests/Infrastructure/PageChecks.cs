using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PatientLeaders.Community.BrowserTests.Infrastructure;

public static class PageChecks
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Zero axe violations for WCAG 2.2 AA and best practice, in the page's current state.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string state)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });
        Assert.That(result.Violations, Is.Empty,
            $"{state} ({page.Url}):\n" + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {v.Nodes.First().Html}")));
    }

    /// <summary>Collects console errors that report CSP violations, for asserting none happened.</summary>
    public static List<string> WatchCspViolations(this IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }

    public static async Task AssertReflowsAt320Async(this IPage page)
    {
        await page.SetViewportSizeAsync(320, 640);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.That(overflow, Is.False, $"horizontal scroll at 320px on {page.Url}");
        await page.AssertAccessibleAsync("320px viewport");
        await page.SetViewportSizeAsync(1280, 800);
    }
}
