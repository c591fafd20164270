using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed class SettingsModel(UserManager<Member> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        public bool EmailImmediately { get; set; } = true;

        public string? DigestFrequency { get; set; } = DigestFrequencies.Off;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Member Member { get; private set; } = new();

    public async Task OnGetAsync()
    {
        Member = await CurrentMember.LoadAsync(users, User);
        Input.EmailImmediately = Member.EmailImmediately;
        Input.DigestFrequency = Member.DigestFrequency;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Member = await CurrentMember.LoadAsync(users, User);
        if (ModelState.TryGetValue("Input.EmailImmediately", out var immediate) && immediate.Errors.Count > 0)
        {
            // Not a browser's "true"/"false": the box cannot show what was sent, so it shows the saved setting.
            ModelState.Remove("Input.EmailImmediately");
            Input.EmailImmediately = Member.EmailImmediately;
            ModelState.AddModelError("Input.EmailImmediately", localizer["Choose whether to email you at once about mentions and replies"]);
        }
        if (!DigestFrequencies.IsKnown(Input.DigestFrequency))
        {
            ModelState.AddModelError("Input.DigestFrequency", localizer["Choose how often to send your digest, or no digest"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Member.EmailImmediately = Input.EmailImmediately;
        Member.DigestFrequency = Input.DigestFrequency!;
        await users.UpdateAsync(Member);
        TempData["Status"] = localizer["Your email settings have been saved."].Value;
        return RedirectToPage();
    }
}
