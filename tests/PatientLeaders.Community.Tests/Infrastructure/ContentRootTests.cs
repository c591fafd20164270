using PatientLeaders.Community.Web.Infrastructure.Hosting;

namespace PatientLeaders.Community.Tests.Infrastructure;

public sealed class ContentRootTests
{
    private string work = "";
    private string install = "";

    [SetUp]
    public void SetUp()
    {
        var root = Path.Combine(TestDatabase.RootFolder, "content-root-" + Guid.NewGuid().ToString("N"));
        work = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        install = Directory.CreateDirectory(Path.Combine(root, "site")).FullName;
        Directory.CreateDirectory(Path.Combine(install, "wwwroot"));
    }

    private static string? None(string name) => null;

    [Test]
    public void PublishedSite_StartedFromAnotherFolder_UsesItsOwnFolder()
    {
        Assert.That(ContentRoot.Choose([], work, install, None), Is.EqualTo(install));
    }

    [Test]
    public void ProjectFolder_WithItsOwnWebRoot_KeepsTheWorkingFolder()
    {
        Directory.CreateDirectory(Path.Combine(work, "wwwroot"));

        Assert.That(ContentRoot.Choose([], work, install, None), Is.Null);
    }

    [Test]
    public void ContentRootNamed_ByArgumentOrEnvironment_IsRespected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ContentRoot.Choose(["--contentRoot", "/srv/site"], work, install, None), Is.Null);
            Assert.That(ContentRoot.Choose([], work, install, name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/site" : null), Is.Null);
        });
    }

    [Test]
    public void NoWebRootAnywhere_KeepsTheDefault()
    {
        Directory.Delete(Path.Combine(install, "wwwroot"));

        Assert.That(ContentRoot.Choose([], work, install, None), Is.Null);
    }
}
