using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Forum;
using PatientLeaders.Community.BrowserTests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Localization;

/// <summary>
/// One member in Welsh, one in Spanish: choose the language in the footer, sign in, read a thread and reply, then
/// open their set's room, with the page's lang right and axe clean on every page.
/// </summary>
[NonParallelizable]
public sealed class LanguageJourneyTests
{
    private const string Password = "a long and calm passphrase";

    [Test]
    public async Task WelshAndSpanish_SignInReadAThreadAndReply()
    {
        await using var browser = await Chromium.LaunchAsync();
        // The set's meeting is a week ahead; its lobby is open from the start so that the room itself is shown.
        await using var site = await LiveSite.StartAsync(new Dictionary<string, string> { ["Sets__LobbyOpensMinutesBefore"] = "20160" });
        var (admin, _) = await ForumJourneyTests.NewPageAsync(browser);
        await ForumJourneyTests.SetUpAdminAsync(admin, site);
        await admin.GotoAsync(site.BaseUrl + "/forum/admin/categories/edit");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Peer support");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save category" }).ClickAsync();
        await admin.GotoAsync(site.BaseUrl + "/forum/new?category=peer-support");
        await admin.GetByLabel("Title").FillAsync("What helps on a hard day?");
        await admin.GetByLabel("Your message").FillAsync("For me it is **a short walk**.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What helps on a hard day?");
        var threadUrl = admin.Url.Split('?')[0];

        var (nia, niaCsp) = await ForumJourneyTests.NewPageAsync(browser);
        await ForumJourneyTests.InviteAndRegisterAsync(admin, nia, site, "nia@example.org", "nia", "Nia Evans", "Facilitator");
        var (lucia, luciaCsp) = await ForumJourneyTests.NewPageAsync(browser);
        await ForumJourneyTests.InviteAndRegisterAsync(admin, lucia, site, "lucia@example.org", "lucia", "Lucía Pérez");
        var roomUrl = await SetWithAMeetingAsync(admin, site);

        await ReadAndReplyAsync(nia, site, threadUrl, "nia@example.org", new Words(
            "Cymraeg", "cy-GB", "Allgofnodi", "Mewngofnodi", "Cyfeiriad e-bost", "Cyfrinair", "Fforwm", "Ateb yr edefyn hwn", "Eich neges",
            "Postio ateb", "Mae eich ateb wedi'i bostio.", "Diolch, mae hyn yn help."), roomUrl);
        Assert.That(niaCsp, Is.Empty);

        await ReadAndReplyAsync(lucia, site, threadUrl, "lucia@example.org", new Words(
            "Español", "es-ES", "Cerrar sesión", "Iniciar sesión", "Dirección de correo electrónico", "Contraseña", "Foro", "Responder a este hilo", "Su mensaje",
            "Publicar respuesta", "Se ha publicado su respuesta.", "Gracias, me ayuda."), roomUrl);
        Assert.That(luciaCsp, Is.Empty);
    }

    private sealed record Words(string Language, string Lang, string SignOut, string SignIn, string Email, string Password, string Forum,
        string ReplyHeading, string Message, string PostReply, string Posted, string ReplyText);

    /// <summary>The admin sets up "Leaders in Wales" with Nia facilitating and Lucía a member, and a meeting; returns its room's address.</summary>
    private static async Task<string> SetWithAMeetingAsync(IPage admin, LiveSite site)
    {
        await admin.GotoAsync(site.BaseUrl + "/sets/new");
        await admin.GetByLabel("Name of the set").FillAsync("Leaders in Wales");
        await admin.GetByLabel("Purpose").FillAsync("Learning together");
        await admin.GetByLabel("Facilitator's handle").FillAsync("nia");
        await admin.GetByLabel("Members' handles").FillAsync("lucia");
        await admin.GetByLabel("Quorum").FillAsync("1");
        await admin.AssertAccessibleAsync("new set");
        await admin.Locator("main form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leaders in Wales");
        var setPath = new Uri(admin.Url).AbsolutePath;
        // The set's way in by video call or phone: a refused link, then a good one, shown on the set's page.
        await admin.GotoAsync(site.BaseUrl + setPath + "/edit");
        await admin.GetByLabel("Video call link").FillAsync("http://meet.example.org/wales");
        await admin.Locator("main form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(admin.Locator(".error-summary")).ToBeVisibleAsync();
        await admin.AssertAccessibleAsync("set's call link refused");
        await admin.GetByLabel("Video call link").FillAsync("https://meet.example.org/wales");
        await admin.GetByLabel("Phone number and PIN").FillAsync("0300 123 4567, PIN 4321");
        await admin.Locator("main form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(admin.Locator(".call-details")).ToContainTextAsync("0300 123 4567, PIN 4321");
        await admin.AssertAccessibleAsync("set with its call details");
        await admin.GotoAsync(site.BaseUrl + setPath + "/meetings/new");
        await admin.AssertAccessibleAsync("scheduling a meeting");
        await admin.GetByLabel("Date").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByLabel("Start time").FillAsync("10:00");
        await admin.Locator("main form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(site.BaseUrl + setPath);
        return site.BaseUrl + setPath + "/room";
    }

    /// <summary>Chooses the language in the footer, signs out and in again in it, reads the thread and replies, then opens the set's room.</summary>
    private static async Task ReadAndReplyAsync(IPage page, LiveSite site, string threadUrl, string email, Words w, string roomUrl)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = w.Language }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", w.Lang);
        await page.GetByRole(AriaRole.Button, new() { Name = w.SignOut, Exact = true }).ClickAsync();

        await page.GotoAsync(site.BaseUrl + "/account/login");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", w.Lang);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(w.SignIn);
        await page.AssertAccessibleAsync($"{w.Lang}: sign in");
        await page.GetByLabel(w.Email).FillAsync(email);
        await page.GetByLabel(w.Password, new() { Exact = true }).FillAsync(Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = w.SignIn }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = w.Forum, Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", w.Lang);
        await page.AssertAccessibleAsync($"{w.Lang}: forum");
        await page.GotoAsync(threadUrl);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", w.Lang);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = w.ReplyHeading })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync($"{w.Lang}: thread");
        await page.GetByLabel(w.Message).FillAsync(w.ReplyText);
        await page.GetByRole(AriaRole.Button, new() { Name = w.PostReply }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync(w.Posted);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", w.Lang);
        await page.AssertAccessibleAsync($"{w.Lang}: thread after replying");

        // The set: its ground rules agreed where asked, then its room.
        await page.GotoAsync(roomUrl[..^"/room".Length]);
        if (await page.Locator("form.rules-form").CountAsync() > 0)
        {
            await page.Locator("form.rules-form button").ClickAsync();
        }
        await page.GotoAsync(roomUrl);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", w.Lang);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Leaders in Wales");
        await Assertions.Expect(page.Locator("#room-alert, #room-status").First).ToBeAttachedAsync();
        await page.AssertAccessibleAsync($"{w.Lang}: set room");

        // The pages where a language is chosen, in it.
        foreach (var path in new[] { "/language", "/account/settings", "/help" })
        {
            await page.GotoAsync(site.BaseUrl + path);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", w.Lang);
            await page.AssertAccessibleAsync($"{w.Lang}: {path}");
        }
    }
}
