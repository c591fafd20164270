using System.Security.Cryptography;
using System.Text;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>256-bit URL-safe tokens; only their SHA-256 is stored, so a copy of the database opens nothing.</summary>
public static class SecretToken
{
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
