using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PatientLeaders.Community.Web.Features.Forum.Email;

/// <summary>
/// The token in a one-click unsubscribe link: which member and which list, sealed with the site's data-protection
/// keys (authenticated encryption), so it cannot be forged or edited to name someone else. It works without signing
/// in because it goes to the mailbox of the member it names.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    public const int MaxLength = 600;

    private readonly IDataProtector protector = protection.CreateProtector("PatientLeaders.Forum.Unsubscribe.v1");

    /// <summary>Base64url, so it sits in a URL path as it is.</summary>
    public string For(long memberId, string list) =>
        protector.Protect(memberId.ToString(CultureInfo.InvariantCulture) + ":" + list);

    public (long MemberId, string List)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }
        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        var parts = payload.Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)
            && MailingLists.IsKnown(parts[1])
            ? (memberId, parts[1])
            : null;
    }
}
