using System.Security.Cryptography;

namespace PatientLeaders.Community.Web.Infrastructure.Security;

/// <summary>A fresh nonce per response; script tags in the layout carry it, and nothing else may run.</summary>
public static class CspNonce
{
    private const string ItemKey = "csp-nonce";

    public static string For(HttpContext context)
    {
        if (context.Items[ItemKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            context.Items[ItemKey] = nonce;
        }
        return nonce;
    }
}
