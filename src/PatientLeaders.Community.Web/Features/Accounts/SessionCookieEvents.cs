using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>Ties the auth cookie to a MemberSessions row: created at sign-in, checked on every request, ended at sign-out.</summary>
public sealed class SessionCookieEvents(SessionStore sessions, SecurityEventLog securityLog) : CookieAuthenticationEvents
{
    public const string TwoFactorEnabledItem = "plc:2fa-enabled";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && MemberId(context.Principal) is { } memberId)
        {
            // A refresh (after a profile edit) keeps its session; a real sign-in always starts a new one.
            var current = context.HttpContext.User;
            var sessionId = MemberId(current) == memberId ? current.FindFirstValue(MemberClaims.SessionId) : null;
            if (sessionId is null)
            {
                var device = context.HttpContext.Request.Headers.UserAgent.ToString();
                sessionId = await sessions.StartAsync(memberId, string.IsNullOrWhiteSpace(device) ? "Unknown device" : device, context.HttpContext.RequestAborted);
                await securityLog.RecordAsync(memberId, SecurityEvents.SignedIn, context.HttpContext.RequestAborted);
            }
            foreach (var old in identity.FindAll(MemberClaims.SessionId).ToList())
            {
                identity.RemoveClaim(old);
            }
            identity.AddClaim(new Claim(MemberClaims.SessionId, sessionId));
        }
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.FindFirstValue(MemberClaims.SessionId);
        var memberId = context.Principal is null ? null : MemberId(context.Principal);
        var check = sessionId is null || memberId is null
            ? null
            : await sessions.ValidateAsync(sessionId, memberId.Value, context.HttpContext.RequestAborted);
        if (check is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        context.HttpContext.Items[TwoFactorEnabledItem] = check.TwoFactorEnabled;
        if (context.Principal!.FindFirstValue(MemberClaims.RolesVersion) != check.RolesVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await RefreshRolesAsync(context, memberId!.Value, check.RolesVersion);
        }
    }

    /// <summary>
    /// The member's roles changed since the cookie was written (a cohort place taken, a programme completed): the
    /// principal takes the current roles and the cookie is renewed, with the same session. Taking a site role away
    /// still ends the member's sessions (the admin page does so).
    /// </summary>
    private async Task RefreshRolesAsync(CookieValidatePrincipalContext context, long memberId, int version)
    {
        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        var kept = identity.Claims.Where(c => c.Type != identity.RoleClaimType && c.Type != MemberClaims.RolesVersion);
        var fresh = new ClaimsIdentity(kept, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        foreach (var role in await sessions.RolesAsync(memberId, context.HttpContext.RequestAborted))
        {
            fresh.AddClaim(new Claim(identity.RoleClaimType, role));
        }
        fresh.AddClaim(new Claim(MemberClaims.RolesVersion, version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        context.ReplacePrincipal(new ClaimsPrincipal(fresh));
        context.ShouldRenew = true;
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        var principal = context.HttpContext.User;
        if (principal.FindFirstValue(MemberClaims.SessionId) is { } sessionId && MemberId(principal) is { } memberId)
        {
            await sessions.EndAsync(sessionId, memberId, context.HttpContext.RequestAborted);
        }
    }

    public static long? MemberId(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
