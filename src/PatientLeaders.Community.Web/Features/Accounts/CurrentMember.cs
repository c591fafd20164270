using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace PatientLeaders.Community.Web.Features.Accounts;

public static class CurrentMember
{
    public static long Id(ClaimsPrincipal user) =>
        SessionCookieEvents.MemberId(user) ?? throw new InvalidOperationException("No signed-in member.");

    public static string? SessionId(ClaimsPrincipal user) => user.FindFirstValue(MemberClaims.SessionId);

    public static async Task<Member> LoadAsync(UserManager<Member> users, ClaimsPrincipal user) =>
        await users.GetUserAsync(user) ?? throw new InvalidOperationException("The signed-in member no longer exists.");
}
