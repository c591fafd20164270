using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Work;

/// <summary>
/// One piece of confirmed work, for the leader and the organisation (and the coordinators): hours and expenses
/// logged by the leader, approved or queried by the organisation, marked paid; and, once the work has finished,
/// what changed, in both sides' words. The leader can always read the organisation's answer about their work.
/// </summary>
public sealed class EngagementModel(WorkStore work, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class HoursInput
    {
        public DateOnly? WorkedOn { get; set; }
        public int Hours { get; set; }
        public int Minutes { get; set; }
        public string? Description { get; set; }
    }

    public sealed class DecisionInput
    {
        public string? Reason { get; set; }
        public DateOnly? PaidOn { get; set; }
    }

    public sealed class ImpactInput
    {
        public string? DecisionInfluenced { get; set; }
        public string? WhatChanged { get; set; }
        public string? Adopted { get; set; }
        public string? Reflection { get; set; }
    }

    [BindProperty]
    public HoursInput Hours { get; set; } = new();

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public ImpactInput Impact { get; set; } = new();

    public EngagementView Engagement { get; private set; } = new();

    public IReadOnlyList<ClaimView> Claims { get; private set; } = [];

    public IReadOnlyList<ImpactAnswer> Answers { get; private set; } = [];

    public bool IsLeader { get; private set; }

    public bool Manages { get; private set; }

    public long? FailedClaimId { get; private set; }

    /// <summary>The side this reader answers the impact questions for.</summary>
    public string Side => IsLeader ? InvolvementVocabulary.LeaderSide : InvolvementVocabulary.OrganisationSide;

    public bool HasFinished => Engagement.EndedAt is not null;

    public ImpactAnswer? AnswerOf(string side) => Answers.FirstOrDefault(a => a.Side == side);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (AnswerOf(Side) is { } mine)
        {
            Impact = new ImpactInput { DecisionInfluenced = mine.DecisionInfluenced, WhatChanged = mine.WhatChanged, Adopted = mine.Adopted, Reflection = mine.Reflection };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostHoursAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsLeader)
        {
            return NotFound();
        }
        ModelState.KeepOnly("Hours");
        var minutes = Hours.Hours * 60 + Hours.Minutes;
        var description = (Hours.Description ?? "").Trim();
        if (Hours.WorkedOn is null)
        {
            ModelState.AddModelError("Hours.WorkedOn", localizer["Enter the day you did the work"]);
        }
        else if (Hours.WorkedOn > MentoringDates.Today(clock))
        {
            ModelState.AddModelError("Hours.WorkedOn", localizer["Hours can be logged once the work is done, not in the future"]);
        }
        if (Hours.Hours is < 0 or > 24 || Hours.Minutes is < 0 or > 59 || minutes is <= 0 or > 24 * 60)
        {
            ModelState.AddModelError("Hours.Hours", localizer["Enter the time you spent, up to 24 hours in a day"]);
        }
        if (description.Length is 0 or > 500)
        {
            ModelState.AddModelError("Hours.Description", localizer["Say in up to 500 characters what the time was for, for example: reading papers and the meeting"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await work.AddHoursAsync(Engagement, new HoursClaim(MentoringDates.ToStored(Hours.WorkedOn!.Value), minutes, description), ct);
        return Done(localizer["Your hours are logged and sent to {0} for approval.", Engagement.OrganisationName]);
    }

    public async Task<IActionResult> OnPostTakeBackAsync(long id, long claimId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsLeader || Claims.All(c => c.Id != claimId))
        {
            return NotFound();
        }
        return Done(await work.TakeBackAsync(claimId, Engagement.MemberId, ct) ? localizer["Claim taken back."] : localizer["That claim has already been approved, so it cannot be taken back."]);
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, long claimId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Manages || Claims.FirstOrDefault(c => c.Id == claimId) is not { } claim)
        {
            return NotFound();
        }
        return Done(await work.DecideAsync(claim, approve: true, "", CurrentMember.Id(User), ct) ? localizer["Approved."] : localizer["That claim was not waiting for approval."]);
    }

    public async Task<IActionResult> OnPostQueryAsync(long id, long claimId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Manages || Claims.FirstOrDefault(c => c.Id == claimId) is not { } claim)
        {
            return NotFound();
        }
        ModelState.KeepOnly("Decision");
        var reason = (Decision.Reason ?? "").Trim();
        if (reason.Length is 0 or > 1000)
        {
            FailedClaimId = claimId;
            ModelState.AddModelError("Decision.Reason", localizer["Say in up to 1,000 characters what you need to know about this claim"]);
            return Page();
        }
        return Done(await work.DecideAsync(claim, approve: false, reason, CurrentMember.Id(User), ct)
            ? localizer["Your question has been sent to {0}.", Engagement.LeaderName] : localizer["That claim was not waiting for approval."]);
    }

    public async Task<IActionResult> OnPostPaidAsync(long id, long claimId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Manages || Claims.All(c => c.Id != claimId))
        {
            return NotFound();
        }
        ModelState.KeepOnly("Decision");
        if (Decision.PaidOn is not { } paidOn || paidOn > MentoringDates.Today(clock))
        {
            FailedClaimId = claimId;
            ModelState.AddModelError("Decision.PaidOn", localizer["Enter the day it was paid, today or earlier"]);
            return Page();
        }
        await work.MarkPaidAsync(claimId, MentoringDates.ToStored(paidOn), ct);
        return Done(localizer["Marked paid."]);
    }

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await work.EndAsync(id, ct);
        return Done(localizer["Marked finished. Now, what changed?"]);
    }

    public async Task<IActionResult> OnPostImpactAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.KeepOnly("Impact");
        if (!InvolvementVocabulary.Influence.IsKnown(Impact.DecisionInfluenced))
        {
            ModelState.AddModelError("Impact.DecisionInfluenced", localizer["Say whether the input influenced the decision"]);
        }
        if (!InvolvementVocabulary.Changed.IsKnown(Impact.WhatChanged))
        {
            ModelState.AddModelError("Impact.WhatChanged", localizer["Say what changed, or that nothing has changed yet"]);
        }
        if (!InvolvementVocabulary.Influence.IsKnown(Impact.Adopted))
        {
            ModelState.AddModelError("Impact.Adopted", localizer["Say whether the recommendations were adopted"]);
        }
        if ((Impact.Reflection ?? "").Trim().Length > 4000)
        {
            ModelState.AddModelError("Impact.Reflection", localizer["Please keep this to 4,000 characters or fewer"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await work.AnswerAsync(new ImpactAnswer
        {
            EngagementId = id, Side = Side, DecisionInfluenced = Impact.DecisionInfluenced!, WhatChanged = Impact.WhatChanged!, Adopted = Impact.Adopted!,
            Reflection = (Impact.Reflection ?? "").Trim(),
        }, CurrentMember.Id(User), ct);
        return Done(IsLeader ? localizer["Thank you. Your answer is recorded, and you can read the organisation's here."]
            : localizer["Thank you. {0} can read your answer, and the work now counts towards the Centre's impact.", Engagement.LeaderName]);
    }

    private LocalRedirectResult Done(string message)
    {
        TempData["Status"] = message;
        return LocalRedirect($"/involvement/work/{Engagement.Id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await work.FindAsync(id, ct) is not { } engagement)
        {
            return false;
        }
        IsLeader = engagement.MemberId == CurrentMember.Id(User);
        Manages = !IsLeader && InvolvementAccess.Manages(User, engagement.OrganisationId);
        if (!IsLeader && !Manages)
        {
            return false;
        }
        Engagement = engagement;
        Claims = await work.ClaimsAsync(id, ct);
        Answers = await work.AnswersAsync(id, ct);
        return true;
    }
}
