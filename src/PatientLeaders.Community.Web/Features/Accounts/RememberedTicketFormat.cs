using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Decrypts each session cookie once, not on every request: Data Protection's AES and HMAC, with a fresh cipher
/// each time, were about a tenth of a small page's CPU. A cookie's text always decrypts to the same ticket, so
/// remembering it changes nothing that is checked after: the cookie handler still checks the ticket's expiry, and
/// <see cref="SessionCookieEvents.ValidatePrincipal"/> still checks the session in the database on every request,
/// so a session ended elsewhere ends here at once. Text that does not decrypt is never remembered.
/// </summary>
public sealed class RememberedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    // Sessions active in the last quarter of an hour; a ticket with its claims is a few kilobytes.
    private const int Capacity = 5_000;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(15);

    private readonly MemoryCache tickets = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null)
        {
            return null;
        }
        var key = (protectedText, purpose);
        if (!tickets.TryGetValue(key, out AuthenticationTicket? ticket))
        {
            ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null)
            {
                return null;
            }
            tickets.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Remembered });
        }
        // A copy for each request: whatever a request does to its principal or properties stays with it.
        return ticket!.Clone();
    }

    public void Dispose() => tickets.Dispose();
}
