using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>
/// TURN credentials in coturn's REST form, handed only to members admitted to a room, expiring after
/// Rooms:Turn:CredentialMinutes; with no TURN server set, none at all.
/// </summary>
public sealed class TurnCredentialsTests
{
    private const string Secret = "test-only-shared-secret";

    private static async Task<HubConnection> JoinAsync(SetCommunity c, string email)
    {
        var connection = await c.App.ConnectHubAsync(RoomHub.Path, await SignedInAsync(c, email));
        await connection.InvokeAsync<System.Text.Json.JsonElement>("JoinRoom", c.SetId);
        return connection;
    }

    [Test]
    public async Task AnAdmittedMember_GetsCredentialsCoturnAccepts_UntilTheyExpire()
    {
        var clock = new FakeClock();
        await using var c = await SetCommunity.CreateAsync(clock, new Dictionary<string, string?>
        {
            ["Rooms:Turn:Urls:0"] = "turns:turn.example.org:443?transport=tcp", ["Rooms:Turn:Secret"] = Secret, ["Rooms:Turn:CredentialMinutes"] = "30",
        });
        await c.Sam.AcceptRulesAsync(c.SetId);
        await c.Facilitator.ScheduleSoonAsync(c.SetId, clock.GetUtcNow());
        await using var sam = await JoinAsync(c, "sam@example.org");

        var config = await sam.InvokeAsync<IceConfig>("IceServers", c.SetId);
        var server = config.Servers.Single();
        Assert.That(server.Urls, Is.EqualTo(new[] { "turns:turn.example.org:443?transport=tcp" }));
        var samId = await c.MemberIdAsync("sam");
        var expires = clock.GetUtcNow().AddMinutes(30);
        Assert.That(server.Username, Is.EqualTo($"{expires.ToUnixTimeSeconds()}:{samId}"), "coturn reads the expiry from the user name");
        Assert.That(config.ExpiresAt, Is.EqualTo(expires));
        // What coturn computes from its static-auth-secret: the same password, so it needs nothing from the site.
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(server.Username)));
        Assert.That(server.Credential, Is.EqualTo(expected));
        Assert.That(server.Credential, Is.Not.EqualTo(TurnCredentials.Password("another secret", server.Username)));

        // The outsider is refused like any other room call, and never sees a credential.
        await using var olly = await c.App.ConnectHubAsync(RoomHub.Path, await SignedInAsync(c, "olly@example.org"));
        var refused = Assert.ThrowsAsync<HubException>(() => olly.InvokeAsync<IceConfig>("IceServers", c.SetId));
        Assert.That(refused!.Message, Does.Contain(RoomHub.NotFound));
    }

    [Test]
    public async Task WithoutATurnServer_TheRoomGetsNoServers()
    {
        var clock = new FakeClock();
        await using var c = await SetCommunity.CreateAsync(clock);
        await c.Sam.AcceptRulesAsync(c.SetId);
        await c.Facilitator.ScheduleSoonAsync(c.SetId, clock.GetUtcNow());
        await using var sam = await JoinAsync(c, "sam@example.org");
        var config = await sam.InvokeAsync<IceConfig>("IceServers", c.SetId);
        Assert.That(config.Servers, Is.Empty);
        Assert.That(config.ExpiresAt, Is.Null);
    }

    private static async Task<CookieContainer> SignedInAsync(SetCommunity c, string email)
    {
        var cookies = new CookieContainer();
        TestApp.AssertRedirect(await c.App.NewBrowser(cookies).SignInAsync(email, Journeys.Password), "/");
        return cookies;
    }
}
