using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Profiles;

public sealed class DeleteModel(UserManager<Member> users, SignInManager<Member> signIn, MemberDataService data, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your password to confirm")]
        [StringLength(PasswordPolicyValidator.MaximumLength, ErrorMessage = "Your password must be 256 characters or fewer")]
        public string Password { get; set; } = "";

        [RegularExpression("^(Keep|Remove)$", ErrorMessage = "Choose what should happen to what you have written")]
        public string Posts { get; set; } = "Keep";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var member = await CurrentMember.LoadAsync(users, User);
        if (!await users.CheckPasswordAsync(member, Input.Password))
        {
            ModelState.AddModelError("Input.Password", localizer["Your password is not right"]);
            return Page();
        }
        await data.EraseAsync(member.Id, removePosts: Input.Posts == "Remove", ct);
        await signIn.SignOutAsync();
        TempData["Status"] = localizer["Your account has been deleted. Thank you for being part of the community."].Value;
        return Redirect("/");
    }
}
