using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Accounts;

public sealed class RememberedTicketFormatTests
{
    [Test]
    public void ACookie_IsDecryptedOnce_AndEachRequestGetsItsOwnCopy()
    {
        var inner = new CountingFormat();
        using var format = new RememberedTicketFormat(inner);

        var first = format.Unprotect("cookie-of-sam")!;
        first.Principal.Identities.First().AddClaim(new Claim("added-by-one-request", "yes"));
        var second = format.Unprotect("cookie-of-sam")!;

        Assert.That(inner.Decrypted, Is.EqualTo(1));
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second.Principal.FindFirstValue(ClaimTypes.Name), Is.EqualTo("cookie-of-sam"));
        Assert.That(second.Principal.HasClaim(c => c.Type == "added-by-one-request"), Is.False);
    }

    [Test]
    public void TextThatDoesNotDecrypt_IsRejectedEveryTime_AndNotRemembered()
    {
        var inner = new CountingFormat();
        using var format = new RememberedTicketFormat(inner);

        Assert.That(format.Unprotect("forged"), Is.Null);
        Assert.That(format.Unprotect("forged"), Is.Null);
        Assert.That(format.Unprotect(null), Is.Null);

        Assert.That(inner.Decrypted, Is.EqualTo(2));
    }

    [Test]
    public async Task TheSessionCookie_UsesIt()
    {
        await using var app = await TestApp.CreateAsync();
        var options = app.Service<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.That(options.TicketDataFormat, Is.InstanceOf<RememberedTicketFormat>());
    }

    /// <summary>"Decrypts" any text except "forged" to a ticket naming it, and counts the calls.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decrypted { get; private set; }

        public string Protect(AuthenticationTicket data) => Protect(data, null);

        public string Protect(AuthenticationTicket data, string? purpose) => data.Principal.FindFirstValue(ClaimTypes.Name)!;

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decrypted++;
            return protectedText == "forged" ? null
                : new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, protectedText!)], "test")), "test");
        }
    }
}
