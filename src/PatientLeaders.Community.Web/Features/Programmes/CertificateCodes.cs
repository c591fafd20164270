using System.Security.Cryptography;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// Certificate codes: 12 characters from Crockford's base32 alphabet (no I, L, O or U, so they read aloud and type
/// without confusion), 60 random bits, shown in groups of four. They cannot be guessed or counted through.
/// </summary>
public static class CertificateCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 12;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The stored form of a code as typed or linked: upper case, without spaces or hyphens; null if it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        var code = new string((typed ?? "").Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    public static string Display(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));
}
