using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// The TURN server a set's room may relay its audio through (coturn with <c>use-auth-secret</c>): its addresses and
/// the secret it shares with the site. Without both, rooms connect directly and the facilitator is told so.
/// </summary>
public sealed class TurnOptions
{
    public const string Section = "Rooms:Turn";

    /// <summary>The server's addresses, for example <c>turns:turn.example.org:443?transport=tcp</c> (TLS on 443 gets through networks that block UDP).</summary>
    public string[] Urls { get; set; } = [];

    /// <summary>coturn's <c>static-auth-secret</c>. Keep it out of the repository: an environment variable or a secrets file.</summary>
    public string Secret { get; set; } = "";

    /// <summary>How long a member's credentials last; a page asks again before they run out.</summary>
    [Range(1, 1440)]
    public int CredentialMinutes { get; set; } = 60;

    /// <summary>
    /// Send all audio through the TURN server, never directly between browsers: members then never learn each
    /// other's network addresses, at the cost of the relay's bandwidth. Only with a TURN server set.
    /// </summary>
    public bool RelayOnly { get; set; }

    public bool IsConfigured => Urls.Length > 0 && Secret.Length > 0;
}

/// <summary>One ICE server as a browser's RTCPeerConnection takes it.</summary>
public sealed record IceServer(IReadOnlyList<string> Urls, string Username, string Credential);

/// <summary>
/// What a room's page may use to connect its audio: the servers (none without TURN), when their credentials end,
/// and whether the audio must go through the relay only (RTCPeerConnection's <c>iceTransportPolicy: "relay"</c>).
/// </summary>
public sealed record IceConfig(IReadOnlyList<IceServer> Servers, DateTimeOffset? ExpiresAt, bool RelayOnly = false);

/// <summary>
/// Short-lived TURN credentials in coturn's REST form: the user name is "expiry:member" and the password the
/// base64 HMAC-SHA1 of it under the shared secret, so coturn checks them without asking the site, and they stop
/// working at the expiry. Handed only to members admitted to a room (RoomHub.IceServers).
/// </summary>
public sealed class TurnCredentials(IOptions<TurnOptions> options, TimeProvider clock)
{
    public IceConfig For(long memberId)
    {
        var turn = options.Value;
        if (!turn.IsConfigured)
        {
            return new IceConfig([], null);
        }
        var expires = clock.GetUtcNow().AddMinutes(turn.CredentialMinutes);
        var username = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":" + memberId.ToString(CultureInfo.InvariantCulture);
        return new IceConfig([new IceServer(turn.Urls, username, Password(turn.Secret, username))], expires, turn.RelayOnly);
    }

    public static string Password(string secret, string username) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
}
