using System.IO.Compression;
using System.Text;
using PatientLeaders.Community.Web.Infrastructure.Uploads;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>Files are known by their bytes; these are the samples the upload tests send too.</summary>
public sealed class FileKindsTests
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Html => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

    public static byte[] Office(string part)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", part })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }
        return memory.ToArray();
    }

    [Test]
    public void EachKind_IsRecognisedFromItsBytes()
    {
        Assert.That(Detect(Pdf), Is.EqualTo(FileKinds.Pdf));
        Assert.That(Detect(Png), Is.EqualTo(FileKinds.Png));
        Assert.That(Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), Is.EqualTo(FileKinds.Jpeg));
        Assert.That(Detect(Encoding.ASCII.GetBytes("GIF89a......")), Is.EqualTo(FileKinds.Gif));
        Assert.That(Detect(Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 ")), Is.EqualTo(FileKinds.Webp));
        Assert.That(Detect(Office("word/document.xml")), Is.EqualTo(FileKinds.Docx));
        Assert.That(Detect(Office("ppt/presentation.xml")), Is.EqualTo(FileKinds.Pptx));
    }

    [Test]
    public void AnythingElse_IsNotAKindAtAll()
    {
        Assert.That(Detect(Html), Is.Null, "HTML, whatever its name");
        Assert.That(Detect(Office("xl/workbook.xml")), Is.Null, "a spreadsheet");
        Assert.That(Detect(Encoding.ASCII.GetBytes("PK\u0003\u0004 not really a zip")), Is.Null);
        Assert.That(Detect([]), Is.Null);
        Assert.That(Detect(Encoding.ASCII.GetBytes("RIFF\0\0\0\0WAVEfmt ")), Is.Null, "a sound file");
    }

    private static FileKind? Detect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return FileKinds.Detect(stream);
    }
}
