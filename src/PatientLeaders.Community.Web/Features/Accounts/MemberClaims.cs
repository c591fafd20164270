namespace PatientLeaders.Community.Web.Features.Accounts;

public static class MemberClaims
{
    public const string Handle = "plc:handle";
    public const string DisplayName = "plc:name";
    public const string SessionId = "plc:sid";
    public const string Language = "plc:lang";

    /// <summary>The member's roles version when the cookie's roles were read (<see cref="Member.RolesVersion"/>).</summary>
    public const string RolesVersion = "plc:rv";
}
