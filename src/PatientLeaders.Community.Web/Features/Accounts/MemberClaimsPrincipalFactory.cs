using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed class MemberClaimsPrincipalFactory(UserManager<Member> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Member, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Member user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MemberClaims.Handle, user.Handle));
        identity.AddClaim(new Claim(MemberClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(MemberClaims.RolesVersion, user.RolesVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.Language is { Length: > 0 } language)
        {
            identity.AddClaim(new Claim(MemberClaims.Language, language));
        }
        return identity;
    }
}
