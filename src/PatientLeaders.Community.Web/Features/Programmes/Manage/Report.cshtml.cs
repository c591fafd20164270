using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Programmes.Outcomes;
using PatientLeaders.Community.Web.Infrastructure.Exports;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>
/// A programme's or one cohort's report for coordinators and funders: activity, paired outcome changes with their
/// confidence intervals, and what people did afterwards. Aggregates only, suppressed below ten people; also as CSV.
/// </summary>
public sealed class ReportModel(ProgrammeStore programmes, OutcomeStore outcomes, DbConnectionFactory db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public ProgrammeView Programme { get; private set; } = new();

    public CohortView? Cohort { get; private set; }

    public OutcomeReport Report { get; private set; } = OutcomeReport.Build([], []);

    public async Task<IActionResult> OnGetAsync(string slug, long? cohortId, CancellationToken ct) => await LoadAsync(slug, cohortId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(string slug, long? cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, cohortId, ct))
        {
            return NotFound();
        }
        var bytes = await CsvFile.BuildAsync([["Measure", "Value"], .. Rows().Select(r => new[] { r.Measure, r.Value })], ct);
        var name = Programme.Slug + (Cohort is null ? "" : $"-cohort-{Cohort.Id}") + "-report.csv";
        return File(bytes, "text/csv; charset=utf-8", name);
    }

    /// <summary>The report as measure and value, in English for funders' spreadsheets; suppressed figures say so.</summary>
    public IEnumerable<(string Measure, string Value)> Rows()
    {
        var r = Report;
        yield return ("Scope", Cohort is null ? Programme.Title : $"{Programme.Title}: {Cohort.Title}");
        yield return ("Applications", Number(r.Applications));
        yield return ("Places", Number(r.Places));
        yield return ("Participants", Number(r.Participants));
        yield return ("Completed", Number(r.Completed));
        yield return ("Recorded attendance", r.PossibleAttendances == 0 ? "" : Percent((double)r.Attendances / r.PossibleAttendances));
        foreach (var change in r.Changes)
        {
            var label = $"{change.Measure} start to {change.Timepoint}";
            if (change.Change is not { } c)
            {
                yield return (label, "too few to report");
                continue;
            }
            yield return (label + ": pairs", Number(c.Pairs));
            yield return (label + ": lost to follow-up", Number(change.LostToFollowUp));
            yield return (label + ": mean before", Decimal(c.MeanBefore));
            yield return (label + ": mean after", Decimal(c.MeanAfter));
            yield return (label + ": mean change", Decimal(c.MeanChange));
            yield return (label + ": 95% CI", $"{Decimal(c.Low)} to {Decimal(c.High)}");
            yield return (label + ": improved", Number(c.Improved));
        }
        if (r.FollowUps is null)
        {
            yield return ("Since the programme", "too few to report");
        }
        else
        {
            foreach (var f in r.FollowUps)
            {
                yield return ($"Since the programme: {f.Code}", $"{f.People} of {r.FollowUpResponders}");
            }
        }
    }

    private async Task<bool> LoadAsync(string slug, long? cohortId, CancellationToken ct)
    {
        if (await programmes.FindProgrammeAsync(slug, ct) is not { } programme)
        {
            return false;
        }
        Programme = programme;
        var cohorts = await programmes.CohortsOfAsync(programme.Id, upcomingOnly: false, ct);
        if (cohortId is { } id)
        {
            Cohort = cohorts.FirstOrDefault(c => c.Id == id);
            if (Cohort is null)
            {
                return false;
            }
        }
        var ids = Cohort is null ? cohorts.Select(c => c.Id).ToList() : [Cohort.Id];
        IReadOnlyList<CohortCounts> counts = [];
        if (ids.Count > 0)
        {
            await using var connection = await db.OpenAsync(ct);
            counts = (await connection.QueryAsync<CohortCounts>(new CommandDefinition(ProgrammesSql.SelectCohortCounts,
                new { CohortIds = ids, Now = clock.GetUtcNow() }, cancellationToken: ct))).AsList();
        }
        Report = OutcomeReport.Build(counts, await outcomes.SubmittedAsync(ids, ct), Cohort is null ? ids : null);
        return true;
    }

    public string MeasureLabel(string measure) => measure == OutcomeReport.Gse ? localizer["Self-efficacy (10 to 40)"] : localizer["Confidence to influence (1 to 5)"];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
