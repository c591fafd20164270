using System.Xml.Linq;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>The site's resource files as a translator edits them: SharedResource.resx (en-GB), .cy.resx, .es.resx.</summary>
public static class ResourceFiles
{
    public static readonly string[] Languages = ["en", "cy", "es"];

    public static IReadOnlyDictionary<string, string> Read(string language)
    {
        var path = Path.Combine(Folder(), "SharedResource" + (language == "en" ? "" : "." + language) + ".resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PatientLeaders.Community.Web", "Resources");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/PatientLeaders.Community.Web/Resources");
    }
}
