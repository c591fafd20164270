using System.Security.Claims;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>Who is looking: a guest (no member id) or a member with their roles.</summary>
public sealed record ForumViewer(long? MemberId, IReadOnlySet<string> Roles)
{
    public static readonly ForumViewer Guest = new(null, new HashSet<string>());

    public bool IsGuest => MemberId is null;

    /// <summary>Moderators and admins see and act on every category.</summary>
    public bool IsModerator => Roles.Contains(Accounts.Roles.Moderator) || Roles.Contains(Accounts.Roles.Admin);

    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    public long RequireMemberId() => MemberId ?? throw new InvalidOperationException("A guest cannot do this.");

    public static ForumViewer From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || SessionCookieEvents.MemberId(user) is not { } memberId)
        {
            return Guest;
        }
        var identity = user.Identity as ClaimsIdentity;
        return new ForumViewer(memberId, user.FindAll(identity?.RoleClaimType ?? ClaimTypes.Role).Select(c => c.Value).Where(Accounts.Roles.IsKnown)
            .ToHashSet(StringComparer.Ordinal));
    }
}
