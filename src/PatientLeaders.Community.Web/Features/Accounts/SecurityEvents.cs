namespace PatientLeaders.Community.Web.Features.Accounts;

public static class SecurityEvents
{
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordReset = "PasswordReset";
    public const string EmailChanged = "EmailChanged";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string SessionsRevoked = "SessionsRevoked";
    public const string DataExported = "DataExported";
    public const string Suspended = "Suspended";
    public const string Restored = "Restored";
    public const string RolesChanged = "RolesChanged";
    public const string HealthConsentGiven = "HealthConsentGiven";
    public const string HealthConsentWithdrawn = "HealthConsentWithdrawn";
}
