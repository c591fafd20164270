using Microsoft.Playwright;

namespace PatientLeaders.Community.BrowserTests.Infrastructure;

/// <summary>
/// Launches Debian's Chromium through Playwright's bundled driver. No browser is ever downloaded: the executable
/// path is given explicitly. Without Chromium the browser tests are ignored, unless REQUIRE_BROWSER is set (CI),
/// in which case they fail.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;

    /// <summary>
    /// Chromium's synthetic microphone and camera (a beep and a test pattern), with the permission prompt answered
    /// yes and sound allowed to play: for the room's audio.
    /// </summary>
    public static readonly string[] FakeMedia =
        ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"];

    public static async Task<IBrowser> LaunchAsync(params string[] extraArgs)
    {
        if (!File.Exists(ExecutablePath))
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("REQUIRE_BROWSER")))
            {
                Assert.Ignore("Chromium not installed");
            }

            Assert.Fail($"Chromium not installed at {ExecutablePath} and REQUIRE_BROWSER is set");
        }

        var driver = await GetPlaywrightAsync();
        return await driver.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                .. extraArgs,
            ],
        });
    }

    // One driver process for the whole test run; it exits with the test host.
    private static async Task<IPlaywright> GetPlaywrightAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return playwright ??= await Playwright.CreateAsync();
        }
        finally
        {
            Gate.Release();
        }
    }
}
