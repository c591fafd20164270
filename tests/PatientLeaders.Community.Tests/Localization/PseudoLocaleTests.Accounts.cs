using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>
/// The account pages (setting up the first administrator, email, password, sessions, staying signed in, signing out,
/// deleting an account), the public profile and an administrator's page for one member, in every state a test can
/// reach: empty, with data, with errors, and the messages shown after each action.
/// </summary>
public sealed partial class PseudoLocaleTests
{
    [Test]
    public async Task AccountsPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync(overrides: new Dictionary<string, string?>
            {
                ["RateLimits:PasswordResetPerFifteenMinutes"] = "1000", ["RateLimits:RegistrationPerTenMinutes"] = "1000",
                ["RateLimits:SignInPerFiveMinutes"] = "1000",
            });

        // The first administrator: the empty form, its errors, a password the rules refuse, then the message that follows.
        var setup = $"/setup?token={app.Service<SetupToken>().Issue()}";
        var admin = app.NewBrowser();
        string[] adminOwn = ["Alex Admin", "@admin", "admin@example.org", "AA"];
        await AccountsPageAsync(admin, setup, []);
        await AccountsErrorsAsync(admin, setup, new Dictionary<string, string>(), []);
        await AccountsErrorsAsync(admin, setup, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alex Admin", ["Input.Handle"] = "admin", ["Input.Email"] = "admin@example.org", ["Input.Password"] = "password1234",
        }, adminOwn);
        TestApp.AssertRedirect(await admin.SubmitAsync(setup, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alex Admin", ["Input.Handle"] = "admin", ["Input.Email"] = "admin@example.org", ["Input.Password"] = Journeys.Password,
        }), "/account/two-factor");
        await AccountsStatusAsync(admin, "/account/two-factor", adminOwn);
        await admin.TurnOnTwoFactorAsync();

        // A member with a whole profile, seen by themselves and by someone else; the administrator's own, empty one.
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        TestApp.AssertRedirect(await sam.SubmitAsync("/account/profile", new Dictionary<string, string>
        {
            ["Input.Pronouns"] = "they/them", ["Input.Bio"] = "Bio words", ["Input.Region"] = "Region words", ["Input.Languages"] = "Language words",
            ["Input.Interests"] = "Interest words", ["Input.Skills"] = "Skill words", ["Input.Consent"] = "true", ["Input.Conditions"] = "Condition words",
            ["Input.ConditionsVisibility"] = "Members", ["Input.ServicesUsed"] = "Service words", ["Input.ServicesUsedVisibility"] = "OnlyMe",
        }), "/members/sam");
        string[] samOwn = ["Member sam", "@sam", "sam@example.org", "sam.new@example.org", "MS", "they/them", "Bio words", "Region words", "Language words",
            "Interest words", "Skill words", "Condition words", "Service words"];
        await AccountsPageAsync(sam, "/members/sam", samOwn);
        await AccountsPageAsync(admin, "/members/sam", samOwn);
        await AccountsPageAsync(admin, "/members/admin", adminOwn);

        // Changing the email address and the password: the forms, left empty, with a wrong password, with a password the rules refuse.
        await AccountsPageAsync(sam, "/account/email", samOwn);
        await AccountsErrorsAsync(sam, "/account/email", new Dictionary<string, string>(), samOwn);
        await AccountsErrorsAsync(sam, "/account/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = "sam.new@example.org", ["Input.CurrentPassword"] = "not the password at all",
        }, samOwn);
        await AccountsErrorsAsync(sam, "/account/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = "sam@example.org", ["Input.CurrentPassword"] = Journeys.Password,
        }, samOwn);
        await AccountsPageAsync(sam, "/account/password", samOwn);
        await AccountsErrorsAsync(sam, "/account/password", new Dictionary<string, string>(), samOwn);
        await AccountsErrorsAsync(sam, "/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not the password at all", ["Input.NewPassword"] = "a brand new passphrase",
        }, samOwn);
        await AccountsErrorsAsync(sam, "/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Journeys.Password, ["Input.NewPassword"] = "password1234",
        }, samOwn);

        // Where Sam is signed in: here and on two other devices, one signed out by itself, then all the others at once.
        TestApp.AssertRedirect(await app.NewBrowser().SignInAsync("sam@example.org", Journeys.Password), "/");
        var device = await app.ScalarAsync<string>("SELECT COALESCE(MAX(Device), '') FROM MemberSessions");
        string[] sessionsOwn = device.Length > 0 ? [.. samOwn, device] : samOwn;
        await AccountsPageAsync(sam, "/account/sessions", sessionsOwn);
        TestApp.AssertRedirect(await sam.ClickAsync("/account/sessions", "form[action$='handler=End'] button"), "/account/sessions");
        await AccountsStatusAsync(sam, "/account/sessions", sessionsOwn);
        await AccountsPageAsync(sam, "/account/sessions", sessionsOwn);
        TestApp.AssertRedirect(await app.NewBrowser().SignInAsync("sam@example.org", Journeys.Password), "/");
        TestApp.AssertRedirect(await sam.ClickAsync("/account/sessions", "form[action*=EndOthers] button"), "/account/sessions");
        await AccountsStatusAsync(sam, "/account/sessions", sessionsOwn);

        // Staying signed in, signing out and deleting an account: the pages, and the errors of the last.
        await AccountsPageAsync(sam, "/account/keep-alive", samOwn);
        TestApp.AssertRedirect(await sam.ClickAsync("/account/keep-alive", "main form button"), "/");
        await AccountsStatusAsync(sam, "/", samOwn);
        await AccountsPageAsync(sam, "/account/logout", samOwn);
        await AccountsPageAsync(sam, "/account/delete", samOwn);
        await AccountsErrorsAsync(sam, "/account/delete", new Dictionary<string, string>(), samOwn);
        await AccountsErrorsAsync(sam, "/account/delete", new Dictionary<string, string> { ["Input.Password"] = "not the password at all" }, samOwn);

        // The password and the address changed, with the messages that follow, and the new address confirmed from its link.
        TestApp.AssertRedirect(await sam.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Journeys.Password, ["Input.NewPassword"] = "a brand new passphrase",
        }), "/account/settings");
        await AccountsStatusAsync(sam, "/account/settings", samOwn);
        TestApp.AssertRedirect(await sam.SubmitAsync("/account/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = "sam.new@example.org", ["Input.CurrentPassword"] = "a brand new passphrase",
        }), "/account/settings");
        await AccountsStatusAsync(sam, "/account/settings", samOwn);
        var confirmLink = Journeys.LinkIn(await app.LastMailToAsync("sam.new@example.org"));
        var confirming = app.NewBrowser();
        await AccountsPageAsync(confirming, confirmLink, samOwn);
        TestApp.AssertRedirect(await confirming.SubmitAsync(confirmLink, new Dictionary<string, string>()), "/account/login");
        await AccountsStatusAsync(confirming, "/account/login", samOwn);

        // Pages for anyone: checking email, a confirmation link (whole, then refused), the forgotten password, signing out.
        var guest = app.NewBrowser();
        foreach (var url in new[] { "/account/check-email", "/account/confirm-email", "/account/confirm-email?member=1&code=x", "/account/forgot-password",
            "/account/reset-password", "/account/logout" })
        {
            await AccountsPageAsync(guest, url, []);
        }
        var refused = await guest.SubmitAsync("/account/confirm-email?member=1&code=x", new Dictionary<string, string>());
        Assert.That((int)refused.StatusCode, Is.EqualTo(200), "a refused confirmation");
        AssertAllPseudo(await Forms.ParseAsync(refused), "main", "a refused confirmation");
        await AccountsErrorsAsync(guest, "/account/forgot-password", new Dictionary<string, string>(), []);
        var sent = await guest.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "admin@example.org" });
        Assert.That((int)sent.StatusCode, Is.EqualTo(200), "a reset link sent");
        var sentPage = await Forms.ParseAsync(sent);
        Assert.That(sentPage.QuerySelector("main .notice[role=status]"), Is.Not.Null, "the answer after asking for a link");
        AssertAllPseudo(sentPage, "main", "a reset link sent", ["admin@example.org"]);

        // An administrator's page for a member: as it is, with errors, and after roles, a suspension and its end.
        var samId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'sam'");
        var adminId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'admin'");
        string[] managing = [.. samOwn, .. adminOwn, "Reason words"];
        var samPage = $"/admin/members/{samId}";
        var adminPage = $"/admin/members/{adminId}";
        await AccountsPageAsync(admin, samPage, managing);
        await AccountsPageAsync(admin, adminPage, managing);
        await AccountsErrorsAsync(admin, samPage, new Dictionary<string, string> { ["Input.SuspendDays"] = "0", ["Input.Reason"] = "Reason words" }, managing,
            "form[action*=Suspend]");
        await AccountsErrorsAsync(admin, adminPage, new Dictionary<string, string> { ["Input.SuspendDays"] = "3" }, managing, "form[action*=Suspend]");
        await AccountsErrorsAsync(admin, adminPage, new Dictionary<string, string> { ["Input.Roles"] = "Mentor" }, managing, "form[action*=Roles]");
        TestApp.AssertRedirect(await admin.SubmitAsync(samPage, new Dictionary<string, string> { ["Input.Roles"] = "Mentor" }, "form[action*=Roles]"), samPage);
        await AccountsStatusAsync(admin, samPage, managing);
        TestApp.AssertRedirect(await admin.SubmitAsync(samPage, new Dictionary<string, string>
        {
            ["Input.SuspendDays"] = "3", ["Input.Reason"] = "Reason words",
        }, "form[action*=Suspend]"), samPage);
        await AccountsStatusAsync(admin, samPage, managing);
        await AccountsPageAsync(admin, samPage, managing);
        TestApp.AssertRedirect(await admin.ClickAsync(samPage, "form[action*=Restore] button"), samPage);
        await AccountsStatusAsync(admin, samPage, managing);

        // Signing out and deleting an account, with the messages that follow.
        var kim = await app.InviteMemberAsync(admin, "kim@example.org", "kim");
        TestApp.AssertRedirect(await kim.ClickAsync("/account/logout", "main form button"), "/");
        await AccountsStatusAsync(kim, "/", []);
        TestApp.AssertRedirect(await kim.SignInAsync("kim@example.org", Journeys.Password), "/");
        TestApp.AssertRedirect(await kim.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = Journeys.Password }), "/");
        await AccountsStatusAsync(kim, "/", []);

        // Choosing a new password from the mailed link: the form, its errors, a password the rules refuse, then the message.
        var resetLink = Journeys.LinkIn(await app.LastMailToAsync("admin@example.org"));
        var resetting = app.NewBrowser();
        await AccountsPageAsync(resetting, resetLink, []);
        await AccountsErrorsAsync(resetting, resetLink, new Dictionary<string, string>(), []);
        await AccountsErrorsAsync(resetting, resetLink, new Dictionary<string, string> { ["Input.Password"] = "password1234" }, []);
        TestApp.AssertRedirect(await resetting.SubmitAsync(resetLink, new Dictionary<string, string> { ["Input.Password"] = "another new passphrase" }), "/account/login");
        await AccountsStatusAsync(resetting, "/account/login", []);
    }

    /// <summary>
    /// Account mail is written in the member's saved language, whatever the language of the request that sends it:
    /// here a browser that reads Spanish asks for a reset link for a member who chose Welsh.
    /// </summary>
    [Test]
    public async Task AccountMail_ToAMemberWhoChoseWelsh_IsInWelsh_WhateverTheLanguageOfTheRequest()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        TestApp.AssertRedirect(await sam.ClickAsync("/account/settings", "main form.language-switch button[value=cy-GB]"), "/account/settings");

        var spanish = app.NewBrowser();
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var sent = await spanish.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "sam@example.org" });
        Assert.That((int)sent.StatusCode, Is.EqualTo(200));
        Assert.That((await Forms.ParseAsync(sent)).DocumentElement.GetAttribute("lang"), Is.EqualTo("es-ES"), "the page answers in the browser's language");

        var mail = await app.LastMailToAsync("sam@example.org");
        Assert.That(mail.Subject, Is.EqualTo("Ailosod eich cyfrinair"));
        Assert.That(mail.TextBody, Does.Contain("Helo Member sam,").And.Contain("o fewn 60 munud:").And.Contain("dydy eich cyfrinair ddim wedi newid"));
        Assert.That(mail.TextBody, Does.Not.Contain("Someone asked").And.Not.Contain("Alguien"));
        TestApp.AssertRedirect(await app.NewBrowser().SubmitAsync(Journeys.LinkIn(mail), new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" }),
            "/account/login");

        // A member who has chosen no language, asking from an English browser, is written to in English.
        await app.NewBrowser().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "admin@example.org" });
        var english = await app.LastMailToAsync("admin@example.org");
        Assert.That(english.Subject, Is.EqualTo("Reset your password"));
        Assert.That(english.TextBody, Does.Contain("Hello Alex Admin,").And.Contain("If it was you, open this link within 60 minutes:"));
    }

    private static async Task AccountsPageAsync(HttpClient browser, string url, string[] own)
    {
        var response = await browser.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
        AssertAllPseudo(await Forms.ParseAsync(response), "main", url, own);
    }

    /// <summary>Posts the form and checks the page it comes back as, with its error summary.</summary>
    private static async Task AccountsErrorsAsync(HttpClient browser, string url, Dictionary<string, string> values, string[] own,
        string form = "main form[method=post]")
    {
        var response = await browser.SubmitAsync(url, values, form);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), url + " posted");
        var page = await Forms.ParseAsync(response);
        Assert.That(page.ErrorSummary(), Is.Not.Empty, url + " posted: the errors");
        AssertAllPseudo(page, "main", url + " with errors", own);
    }

    /// <summary>The message a page shows after an action (the layout's status notice), on the page it leads to.</summary>
    private static async Task AccountsStatusAsync(HttpClient browser, string url, string[] own)
    {
        var response = await browser.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
        var page = await Forms.ParseAsync(response);
        Assert.That(page.QuerySelector("main > .notice[role=status]"), Is.Not.Null, url + ": the message after the action");
        AssertAllPseudo(page, "main > .notice[role=status]", url + " message", own);
    }
}
