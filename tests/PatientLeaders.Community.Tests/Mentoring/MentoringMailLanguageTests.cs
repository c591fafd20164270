using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Tests.Mentoring;

/// <summary>Mentoring mail is written in each recipient's saved language, whoever's request or whichever job sends it.</summary>
public sealed class MentoringMailLanguageTests
{
    [Test]
    public async Task AWelshMentorsAndCoordinatorsMail_IsInWelsh_WhileTheMenteeTheServerAndTheScheduleUseEnglish()
    {
        Assert.That(System.Globalization.CultureInfo.CurrentCulture.Name, Is.Not.EqualTo("cy-GB"), "the job runs in the server's culture");
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings(("Mentoring:ReminderDays", "3"), ("Mentoring:HandOnDays", "6")));
        var world = await MentoringWorld.CreateAsync(app, clock);
        var ann = await world.MentorAsync("ann");
        TestApp.AssertRedirect(await ann.ClickAsync("/account/settings", "main form.language-switch button[value=cy-GB]"), "/account/settings");
        TestApp.AssertRedirect(await world.Coordinator.ClickAsync("/account/settings", "main form.language-switch button[value=cy-GB]"), "/account/settings");
        var sam = await world.MenteeAsync("sam");

        // Sam asks in English; the request reaches Ann in Welsh, with Welsh plural forms (6 is "many").
        var requestId = await world.RequestAsync(sam);
        await world.ChooseAsync(sam, requestId, false, await world.IdOfAsync("ann"));
        var asked = await app.LastMailToAsync("ann@example.org");
        Assert.That(asked.Subject, Is.EqualTo("Hoffai Member sam i chi fod yn fentor iddyn nhw"));
        Assert.That(asked.TextBody, Does.StartWith("Helo Member ann,").And.Contain("Mae Member sam wedi gofyn i chi fod yn fentor iddyn nhw.")
            .And.Contain("Atebwch o fewn 6 diwrnod.").And.EndWith("Cymuned Arweinwyr Cleifion"));

        // The scheduled pass runs outside any request: Ann's reminder (3 days left: "few") and the coordinator's expiry notice,
        // with the month in Welsh, are in each one's language.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await world.AccreditAsync("ann", "Coach", today.AddDays(20));
        clock.Advance(TimeSpan.FromDays(3.5));
        var pass = await app.Service<MentoringScheduler>().RunOnceAsync(CancellationToken.None);
        Assert.That(pass.Reminders, Is.EqualTo(1));
        Assert.That(pass.ExpiryNotices, Is.EqualTo(1));
        var reminder = await app.LastMailToAsync("ann@example.org");
        Assert.That(reminder.Subject, Is.EqualTo("Nodyn atgoffa: mae Member sam yn aros i glywed gennych chi"));
        Assert.That(reminder.TextBody, Does.Contain("Os na fyddwn ni'n clywed gennych chi ymhen 3 diwrnod, byddwn yn trosglwyddo'r cais i rywun arall."));
        var notice = await app.LastMailToAsync("coordinator@example.org");
        Assert.That(notice.Subject, Is.EqualTo("Mae achrediad hyfforddwr Member ann yn dod i ben ar 3 Chwefror 2030"));
        Assert.That(notice.TextBody, Does.StartWith("Helo Member coordinator,"));

        // Ann accepts, signed in with Welsh; Sam, who chose no language, hears in English.
        ann = await world.SignInAgainAsync("ann");
        await world.AcceptAsync(ann, requestId);
        var accepted = await app.LastMailToAsync("sam@example.org");
        Assert.That(accepted.Subject, Is.EqualTo("Member ann will be your mentor"));
        Assert.That(accepted.TextBody, Does.StartWith("Hello Member sam,").And.Contain("Good news: Member ann has agreed to be your mentor.")
            .And.EndWith("Patient Leaders Community"));
    }
}
