using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>The reply composer under every thread: its fields keep their labels and hints, without attributes no script reads.</summary>
public sealed class ComposerMarkupTests
{
    [Test]
    public async Task TheComposersFields_AreLabelledAndCarryNoClientValidationAttributes()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Composer markup", "The opening post");
        var page = await world.Kit.GetPageAsync($"/forum/t/{threadId}/composer-markup?page=1");

        var fields = page.QuerySelectorAll("form[data-composer] textarea, form[data-composer] select, form[data-composer] input:not([type=hidden])");
        Assert.That(fields.Select(f => f.GetAttribute("name")), Is.SupersetOf(new[] { "Input.Body", "Input.Language", "Input.ContentNote" }));
        foreach (var field in fields.Where(f => f.GetAttribute("name")?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            Assert.That(page.QuerySelector($"label[for='{field.Id}']"), Is.Not.Null, $"{field.Id} has a label");
            Assert.That(page.GetElementById(field.GetAttribute("aria-describedby") ?? "")?.ClassList, Does.Contain("hint"), $"{field.Id} is described by its hint");
            Assert.That(field.Attributes.Select(a => a.Name), Has.None.StartsWith("data-val"), $"{field.Id}: the site has no script that reads data-val");
        }
    }
}
