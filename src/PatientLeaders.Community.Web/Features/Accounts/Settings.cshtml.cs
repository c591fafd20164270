using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed class SettingsModel(UserManager<Member> users) : PageModel
{
    public sealed class InputModel
    {
        public string EmailFrequency { get; set; } = EmailFrequencies.Immediately;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Member Member { get; private set; } = new();

    public async Task OnGetAsync()
    {
        Member = await CurrentMember.LoadAsync(users, User);
        Input.EmailFrequency = Member.EmailFrequency;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Member = await CurrentMember.LoadAsync(users, User);
        if (!EmailFrequencies.All.Any(f => f.Value == Input.EmailFrequency))
        {
            ModelState.AddModelError("Input.EmailFrequency", "Choose how often we should email you");
            return Page();
        }
        Member.EmailFrequency = Input.EmailFrequency;
        await users.UpdateAsync(Member);
        TempData["Status"] = "Your notification settings have been saved.";
        return RedirectToPage();
    }
}
