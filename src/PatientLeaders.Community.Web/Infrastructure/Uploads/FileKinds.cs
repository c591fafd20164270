using System.IO.Compression;

namespace PatientLeaders.Community.Web.Infrastructure.Uploads;

/// <summary>A kind of file the site accepts: what its bytes must look like, the names it may have, how it is served.</summary>
public sealed record FileKind(string Code, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// The file kinds members may upload, recognised from their bytes, never from their names: PDF, Word (DOCX),
/// PowerPoint (PPTX) and images (PNG, JPEG, GIF, WebP). A name whose extension disagrees with the bytes is refused.
/// </summary>
public static class FileKinds
{
    public static readonly FileKind Pdf = new("pdf", "application/pdf", [".pdf"]);
    public static readonly FileKind Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileKind Png = new("png", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("jpeg", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileKind Gif = new("gif", "image/gif", [".gif"]);
    public static readonly FileKind Webp = new("webp", "image/webp", [".webp"]);

    public static readonly IReadOnlyList<FileKind> Documents = [Pdf, Docx, Pptx, Png, Jpeg, Gif, Webp];

    /// <summary>Receipts: a photograph or a PDF.</summary>
    public static readonly IReadOnlyList<FileKind> Receipts = [Pdf, Png, Jpeg, Webp];

    public static FileKind? ByCode(string code) => Documents.FirstOrDefault(k => k.Code == code);

    /// <summary>The kind the bytes show, or null. Reads the head of the file; for Office files, the zip's directory.</summary>
    public static FileKind? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[12];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (head.Length == 12 && head.StartsWith("RIFF"u8) && head[8..].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return Office(content);
        }
        return null;
    }

    /// <summary>A DOCX or PPTX is a zip with [Content_Types].xml and a word/ or ppt/ part; anything else zipped is refused.</summary>
    private static FileKind? Office(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }
            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? Docx
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
