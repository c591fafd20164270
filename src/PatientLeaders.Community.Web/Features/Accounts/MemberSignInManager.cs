using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>Identity's sign-in rules, plus: a suspended member cannot sign in until the suspension ends.</summary>
public sealed class MemberSignInManager(
    UserManager<Member> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Member> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Member>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Member> confirmation,
    TimeProvider clock)
    : SignInManager<Member>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Member user) =>
        !user.IsSuspendedAt(clock.GetUtcNow()) && await base.CanSignInAsync(user);
}
