namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// The one-time token that lets the first administrator be created; it exists only while there are no members,
/// is printed to the console at start, and dies with the process or its first use.
/// </summary>
public sealed class SetupToken
{
    private string? tokenHash;

    public string Issue()
    {
        var token = SecretToken.Create();
        Interlocked.Exchange(ref tokenHash, SecretToken.Hash(token));
        return token;
    }

    /// <summary>Gives the token back after a failed attempt, so the operator can correct the form and retry.</summary>
    public void Restore(string token) => Interlocked.CompareExchange(ref tokenHash, SecretToken.Hash(token), null);

    public bool Matches(string? token) =>
        token is { Length: > 0 and < 100 } && tokenHash is { } hash
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(hash), System.Text.Encoding.ASCII.GetBytes(SecretToken.Hash(token)));

    /// <summary>True for exactly one caller with the right token.</summary>
    public bool TryConsume(string? token)
    {
        var hash = tokenHash;
        return Matches(token) && Interlocked.CompareExchange(ref tokenHash, null, hash) == hash;
    }
}
