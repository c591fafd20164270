using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PatientLeaders.Community.Web.Features.Profiles;

/// <summary>
/// A member's initials on a colour chosen from their handle, so the same person always has the same colour. Decorative:
/// the name beside it says who it is, so screen readers skip it. A member who uploaded a picture is shown by it instead. Eight colours, each at least 4.5:1 against white.
/// </summary>
public sealed record Avatar(string DisplayName, string Handle, DateTimeOffset? PhotoUpdatedAt = null) : IHtmlContent
{
    public const int Colours = 8;

    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    /// <summary>A stable colour (0–7) from the handle: FNV-1a, not string.GetHashCode, which changes between runs.</summary>
    public static int Colour(string handle)
    {
        var hash = 2166136261u;
        foreach (var c in handle.ToUpperInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % Colours);
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (PhotoUpdatedAt is { } updated)
        {
            // The member's own picture; the version in the address lets browsers keep it until it changes.
            writer.Write("<img class=\"avatar avatar-photo\" alt=\"\" width=\"40\" height=\"40\" src=\"/members/");
            encoder.Encode(writer, Uri.EscapeDataString(Handle));
            writer.Write($"/photo?v={updated.UtcTicks}\">");
            return;
        }
        writer.Write($"<span class=\"avatar avatar-{Colour(Handle)}\" aria-hidden=\"true\">");
        encoder.Encode(writer, Initials(DisplayName));
        writer.Write("</span>");
    }
}
