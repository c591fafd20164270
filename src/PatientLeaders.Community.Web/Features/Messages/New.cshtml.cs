using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>Starts a private conversation with one member or a small group, by their handles.</summary>
[EnableRateLimiting(ForumServices.PostingLimit)]
public sealed class NewModel(MessageStore messages, ForumLive live, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [StringLength(400, ErrorMessage = "The handles must be 400 characters or fewer")]
        public string? To { get; set; }

        [StringLength(MessageLimits.SubjectMax, ErrorMessage = "The subject must be 150 characters or fewer")]
        public string? Subject { get; set; }

        [StringLength(MessageLimits.BodyMax, ErrorMessage = "A message must be 4,000 characters or fewer")]
        public string? Body { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet(string? to) => Input.To = to?.Trim().TrimStart('@');

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = CurrentMember.Id(User);
        var handles = (Input.To ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.TrimStart('@')).Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = handles.Count is > 0 and <= MessageLimits.MaxRecipients ? await messages.MembersByHandleAsync(handles, ct) : [];
        var recipients = found.Where(p => p.Id != me).ToList();
        if (handles.Count == 0)
        {
            ModelState.AddModelError("Input.To", localizer["Enter the handle of the member you want to write to"]);
        }
        else if (handles.Count > MessageLimits.MaxRecipients)
        {
            ModelState.AddModelError("Input.To", localizer["A group message can go to up to 8 members"]);
        }
        else if (handles.FirstOrDefault(h => !found.Any(p => p.Handle.Equals(h, StringComparison.OrdinalIgnoreCase))) is { } unknown)
        {
            ModelState.AddModelError("Input.To", localizer["There is no member with the handle {0}", unknown]);
        }
        else if (recipients.Count == 0)
        {
            ModelState.AddModelError("Input.To", localizer["Write to someone other than yourself"]);
        }
        if (string.IsNullOrWhiteSpace(Input.Body))
        {
            ModelState.AddModelError("Input.Body", localizer["Write a message before sending"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (id, problem) = await messages.StartAsync(me, User.FindFirst(MemberClaims.DisplayName)?.Value ?? "", recipients, Input.Subject?.Trim() ?? "",
            Input.Body!.Trim(), ct);
        if (id is null)
        {
            ModelState.AddModelError("Input.To", localizer[problem!]);
            return Page();
        }
        await live.MessageAddedAsync(id.Value, 1, recipients.Select(r => r.Id).ToList());
        TempData["Status"] = localizer["Message sent."].Value;
        return Redirect($"/messages/{id}#message-form");
    }
}
