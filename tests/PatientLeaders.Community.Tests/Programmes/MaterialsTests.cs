using AngleSharp.Dom;
using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>Materials and their files: checked from the bytes, kept for the cohort, opened on their date.</summary>
public sealed class MaterialsTests
{
    [Test]
    public async Task AFileIsForTheCohortOnly_AndForParticipantsFromItsDate()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(daysAhead: 10);
        var otherCohortId = await world.CreateCohortAsync(daysAhead: 10);
        var sam = await world.MemberAsync("sam");
        await world.EnrolAsync(sam, cohortId);
        var oli = await world.MemberAsync("oli");
        await world.EnrolAsync(oli, otherCohortId);
        var meg = await world.MemberAsync("meg");

        var opens = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await UploadAsync(world.Facilitator, cohortId, "Workbook", "workbook.pdf", FileKindsTests.Pdf, ("Input.VisibleFrom", opens), ("Input.Body", "Read **before** session 1"));
        TestApp.AssertRedirect(response, $"/programmes/cohorts/{cohortId}/materials");
        var materialId = await world.App.ScalarAsync<long>("SELECT Id FROM CohortMaterials");
        var fileUrl = $"/programmes/cohorts/{cohortId}/materials/{materialId}/file";

        // The facilitator has it at once, as an attachment that the browser must not sniff.
        var download = await world.Facilitator.GetAsync(fileUrl);
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(download.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(FileKindsTests.Pdf));

        // Before its date the participant sees neither the material nor the file.
        Assert.That((await sam.GetPageAsync($"/programmes/cohorts/{cohortId}/materials")).Text("main"), Does.Not.Contain("Workbook"));
        Assert.That((await sam.GetAsync(fileUrl)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await world.PassDaysAsync(5, sam, oli, meg);
        var list = await sam.GetPageAsync($"/programmes/cohorts/{cohortId}/materials");
        Assert.That(list.Text("main"), Does.Contain("Workbook").And.Contain("Read before session 1"));
        Assert.That(list.QuerySelector("strong")!.TextContent, Is.EqualTo("before"), "the Markdown is rendered");
        Assert.That((await sam.GetAsync(fileUrl)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Anyone else gets nothing, whether they guess the id under this cohort or under their own.
        foreach (var (name, browser) in new[] { ("another cohort's participant", oli), ("a member", meg), ("a guest", world.App.NewBrowser()) })
        {
            foreach (var url in new[] { fileUrl, $"/programmes/cohorts/{otherCohortId}/materials/{materialId}/file", $"/programmes/cohorts/{cohortId}/materials" })
            {
                var refused = await browser.GetAsync(url);
                Assert.That(refused.StatusCode, Is.EqualTo(name == "a guest" ? HttpStatusCode.Redirect : HttpStatusCode.NotFound), $"{name} {url}");
            }
        }
        Assert.That((await oli.GetAsync($"/programmes/cohorts/{otherCohortId}/materials/{materialId}/file")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "a material id of another cohort, under one's own cohort");
        Assert.That((await sam.GetAsync($"/programmes/cohorts/{cohortId}/materials/upload")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "participants do not add materials");
    }

    [Test]
    public async Task WrongKindsEmptyFilesAndLargeFiles_AreRefusedWithTheFormKept()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync();
        var cases = new (string Name, byte[] Bytes, string Message)[]
        {
            ("notes.pdf", FileKindsTests.Html, "The file must be a PDF"),
            ("photo.pdf", FileKindsTests.Png, "The file must be a PDF"),
            ("sheet.docx", FileKindsTests.Office("xl/workbook.xml"), "The file must be a PDF"),
            ("empty.pdf", [], "The file is empty"),
            ("big.pdf", [.. FileKindsTests.Pdf, .. new byte[20 * 1024 * 1024]], "The file must be 20 MB or smaller"),
        };
        foreach (var (name, bytes, message) in cases)
        {
            var page = await Forms.ParseAsync(await UploadAsync(world.Facilitator, cohortId, "Slides for session 2", name, bytes));
            Assert.That(page.ErrorSummary(), Has.Some.StartsWith(message), name);
            Assert.That(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value, Is.EqualTo("Slides for session 2"), name);
        }
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CohortMaterials"), Is.EqualTo(0));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM UploadedFiles"), Is.EqualTo(0));

        var docx = await UploadAsync(world.Facilitator, cohortId, "Handout", "Handout (final).docx", FileKindsTests.Office("word/document.xml"));
        TestApp.AssertRedirect(docx, $"/programmes/cohorts/{cohortId}/materials");
        Assert.That(await world.App.ScalarAsync<string>("SELECT OriginalName FROM UploadedFiles"), Is.EqualTo("Handout (final).docx"));
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, long cohortId, string title, string fileName, byte[] bytes, params (string Name, string Value)[] more)
    {
        var url = $"/programmes/cohorts/{cohortId}/materials/upload";
        var page = await browser.GetPageAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new ByteArrayContent(bytes), "Upload", fileName },
        };
        foreach (var (name, value) in more)
        {
            content.Add(new StringContent(value), name);
        }
        return await browser.PostAsync(url, content);
    }
}
