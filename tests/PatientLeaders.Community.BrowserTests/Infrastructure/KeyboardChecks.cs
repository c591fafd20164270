using Microsoft.Playwright;

namespace PatientLeaders.Community.BrowserTests.Infrastructure;

public static class KeyboardChecks
{
    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus; fails if it never does.</summary>
    public static async Task TabToAsync(this IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var presses = 0; presses < 60; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Could not reach {selector} with the Tab key");
    }

    public static async Task AssertFocusVisibleAsync(this IPage page)
    {
        var visible = await page.EvaluateAsync<bool>("""
            () => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                const shadowed = style.boxShadow && style.boxShadow !== 'none';
                const rect = el.getBoundingClientRect();
                const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
                return (outlined || shadowed) && (hit === el || el.contains(hit));
            }
            """);
        Assert.That(visible, Is.True, "the focused element shows a visible focus indicator and is not obscured");
    }
}
