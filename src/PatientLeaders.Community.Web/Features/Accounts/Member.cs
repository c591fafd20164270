namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>The Identity user. Mutable because ASP.NET Core Identity's UserManager edits it in place.</summary>
public sealed class Member
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public bool EmailConfirmed { get; set; }
    public string? PendingEmail { get; set; }
    public string Handle { get; set; } = "";
    public string NormalizedHandle { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public bool TwoFactorEnabled { get; set; }
    public string? AuthenticatorKey { get; set; }
    public string? RecoveryCodes { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public int AccessFailedCount { get; set; }
    public DateTimeOffset? SuspendedUntil { get; set; }
    public string? SuspensionReason { get; set; }
    /// <summary>Email at once when someone mentions the member or replies to one of their posts.</summary>
    public bool EmailImmediately { get; set; } = true;

    /// <summary>One of <see cref="DigestFrequencies"/>: the digest of followed threads and categories.</summary>
    public string DigestFrequency { get; set; } = DigestFrequencies.Off;
    /// <summary>The site language the member chose (<see cref="Infrastructure.Localization.SiteCultures"/>), or null for "not chosen".</summary>
    public string? Language { get; set; }

    /// <summary>Rises with every change to the member's roles (read only; the database keeps it).</summary>
    public int RolesVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsSuspendedAt(DateTimeOffset now) => SuspendedUntil is { } until && until > now;
}
