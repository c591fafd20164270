using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Outcomes;

/// <summary>One questionnaire, answered by the participant it belongs to; to anyone else it does not exist.</summary>
public sealed class AnswerModel(OutcomeStore outcomes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        /// <summary>By statement number from 0: a dictionary, so one unanswered statement does not stop the rest binding.</summary>
        public Dictionary<int, int?> Gse { get; set; } = [];

        public Dictionary<long, int?> Confidence { get; set; } = [];

        public List<string> FollowUps { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OutcomeResponse Questionnaire { get; private set; } = new();

    public IReadOnlyList<OutcomeItem> Items { get; private set; } = [];

    /// <summary>No confirmed Welsh version of the scale exists: its items are shown in English, marked as such.</summary>
    public static bool ScaleInEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cy";

    public async Task<IActionResult> OnGetAsync(long applicationId, string timepoint, CancellationToken ct) =>
        await LoadAsync(applicationId, timepoint, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long applicationId, string timepoint, CancellationToken ct)
    {
        if (!await LoadAsync(applicationId, timepoint, ct))
        {
            return NotFound();
        }
        if (Questionnaire.SubmittedAt is not null)
        {
            return LocalRedirect("/programmes/outcomes");
        }
        for (var i = 0; i < OutcomeInstrument.GseItems.Count; i++)
        {
            if (Input.Gse.GetValueOrDefault(i) is not (>= 1 and <= 4))
            {
                ModelState.AddModelError($"Input.Gse[{i}]", localizer["Answer statement {0}", i + 1]);
            }
        }
        foreach (var item in Items)
        {
            if (Input.Confidence.GetValueOrDefault(item.Id) is not (>= 1 and <= 5))
            {
                ModelState.AddModelError($"Input.Confidence[{item.Id}]", localizer["Answer “{0}”", item.Text]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var followUps = OutcomeInstrument.AsksFollowUps(timepoint)
            ? Input.FollowUps.Where(code => OutcomeInstrument.FollowUps.Any(f => f.Code == code)).Distinct().ToList()
            : [];
        await outcomes.SubmitAsync(Questionnaire, new OutcomeAnswersInput(Enumerable.Range(0, OutcomeInstrument.GseItems.Count).Select(i => Input.Gse[i]!.Value).ToList(),
            Items.ToDictionary(i => i.Id, i => Input.Confidence[i.Id]!.Value), followUps), ct);
        TempData["Status"] = localizer["Thank you. Your answers are saved; you can see how they change on this page."].Value;
        return LocalRedirect("/programmes/outcomes");
    }

    private async Task<bool> LoadAsync(long applicationId, string timepoint, CancellationToken ct)
    {
        if (!OutcomeInstrument.IsTimepoint(timepoint)
            || await outcomes.FindAsync(applicationId, timepoint, ct) is not { } response
            || response.MemberId != CurrentMember.Id(User))
        {
            return false;
        }
        Questionnaire = response;
        Items = (await outcomes.ItemsAsync(response.ProgrammeId, ct)).Where(i => !i.IsRetired).ToList();
        return true;
    }
}
