using System.ComponentModel.DataAnnotations;
using System.Reflection;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Saved;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Tests;

/// <summary>Names and titles are plain, visible text, and a display name cannot pass for another member's.</summary>
public sealed class NamesAndTitlesTests
{
    private static readonly string[] NameProperties = ["DisplayName", "Handle", "Title", "Name"];

    [Test]
    public void EveryNameOrTitleInput_IsCheckedAsPlainText()
    {
        var inputs = typeof(PlainText).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Input", StringComparison.Ordinal) || t.Name == "InputModel")
            // A draft keeps whatever was typed, so nothing is lost; its title is checked when it is posted.
            .Where(t => t.DeclaringType?.Name != "DraftsModel")
            .SelectMany(t => t.GetProperties().Where(p => NameProperties.Contains(p.Name) && p.PropertyType == typeof(string)))
            .ToList();
        Assert.That(inputs, Has.Count.GreaterThanOrEqualTo(8));
        foreach (var property in inputs)
        {
            var plain = property.GetCustomAttribute<PlainTextAttribute>() is not null;
            var pattern = property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex && regex.Pattern.StartsWith("^[a-zA-Z0-9", StringComparison.Ordinal);
            Assert.That(plain || pattern, $"{property.DeclaringType!.FullName}.{property.Name} needs [PlainText]");
        }
    }

    [TestCase("Sam\u0007", PlainText.HasControls)]
    [TestCase("Sam\u0085", PlainText.HasControls)]
    [TestCase("Sam \u202Enimda", PlainText.HasControls)]
    [TestCase("Sam \u2067x\u2069", PlainText.HasControls)]
    [TestCase("\u200B \u200D\uFEFF", PlainText.IsInvisible)]
    public async Task ADisplayNameOrTitle_WithHiddenCharacters_IsRefused_AndKept(string value, string message)
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await admin.CreateCategoryAsync("Introductions");

        var profile = await Forms.ParseAsync(await admin.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.DisplayName"] = value }));
        Assert.That(profile.ErrorSummary(), Has.Some.StartsWith(message));
        if (!value.Any(c => c is >= '\u0080' and < '\u00A0'))
        {
            Assert.That(profile.QuerySelector("#Input_DisplayName")?.GetAttribute("value"), Is.EqualTo(value), "kept (the HTML parser reads C1 characters as Windows-1252)");
        }

        var thread = await Forms.ParseAsync(await admin.SubmitAsync("/forum/new", new Dictionary<string, string>
        {
            ["Input.Category"] = "introductions", ["Input.Title"] = message == PlainText.IsInvisible ? value : value + " a title", ["Input.Body"] = "Kept body",
        }));
        Assert.That(thread.ErrorSummary(), Has.Some.StartsWith(message));
        Assert.That(thread.QuerySelector("textarea[name='Input.Body']")?.TextContent.Trim(), Is.EqualTo("Kept body"));
    }

    [TestCase("Alex\u200B Admin")]
    [TestCase("Ａｌｅｘ Admin")]
    [TestCase("alex  admin")]
    public async Task ADisplayName_ThatReadsAsAnotherMembers_IsRefused(string imitation)
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync(); // "Alex Admin"
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var page = await Forms.ParseAsync(await sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.DisplayName"] = imitation }));
        Assert.That(page.ErrorSummary(), Has.Some.EqualTo(MemberNames.Imitates));
        TestApp.AssertRedirect(await sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Alex Admin" }), "/");
    }

    [Test]
    public void Skeleton_ReadsNamesAsPeopleDo()
    {
        Assert.That(PlainText.Skeleton("Ada\u200B Admin"), Is.EqualTo(PlainText.Skeleton("Ada Admin")));
        Assert.That(PlainText.Skeleton("Ａｄａ  admin "), Is.EqualTo(PlainText.Skeleton("Ada Admin")));
        Assert.That(PlainText.Skeleton("Ada Admins"), Is.Not.EqualTo(PlainText.Skeleton("Ada Admin")));
    }
}
