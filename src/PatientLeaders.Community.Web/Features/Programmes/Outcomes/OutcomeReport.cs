namespace PatientLeaders.Community.Web.Features.Programmes.Outcomes;

public sealed record CohortCounts
{
    public long CohortId { get; init; }
    public int Places { get; init; }
    public int Applications { get; init; }
    public int Participants { get; init; }
    public int Completed { get; init; }
    public int SessionsHeld { get; init; }
    public int Attendances { get; init; }
}

/// <summary>One measure's change from the start to a later time point, or why it is not shown.</summary>
/// <param name="Change">Null when suppressed: fewer than the threshold answered both times, or showing it would let a
/// smaller group be worked out by subtraction.</param>
public sealed record MeasureChange(string Measure, string Timepoint, int Pairs, int LostToFollowUp, PairedChange? Change);

public sealed record FollowUpCount(string Code, int People);

/// <summary>What a cohort or programme report shows: activity counts, paired changes and what people did since.</summary>
public sealed record OutcomeReport(
    int Applications, int Places, int Participants, int Completed, int SessionsHeld, int Attendances, int PossibleAttendances,
    IReadOnlyList<MeasureChange> Changes, int FollowUpResponders, IReadOnlyList<FollowUpCount>? FollowUps)
{
    public const string Gse = "GSE";
    public const string Confidence = "Confidence";

    /// <summary>
    /// Builds the report for <paramref name="cohortIds"/>. For a programme report, <paramref name="partsShownAlone"/>
    /// are its cohorts: a programme figure is hidden when taking away a cohort's own reported figure would leave a
    /// group too small to report.
    /// </summary>
    public static OutcomeReport Build(IReadOnlyList<CohortCounts> counts, IReadOnlyList<SubmittedOutcome> answers, IReadOnlyCollection<long>? partsShownAlone = null)
    {
        var changes = new List<MeasureChange>();
        foreach (var later in new[] { OutcomeInstrument.End, OutcomeInstrument.ThreeMonths, OutcomeInstrument.SixMonths })
        {
            changes.Add(Measure(Gse, later, answers, a => a.GseTotal, partsShownAlone));
            changes.Add(Measure(Confidence, later, answers, a => a.ConfidenceMean, partsShownAlone));
        }
        // Follow-ups: each person's latest answer after the programme.
        var latest = answers.Where(a => OutcomeInstrument.AsksFollowUps(a.Timepoint))
            .GroupBy(a => a.ApplicationId)
            .Select(g => g.OrderByDescending(a => a.Timepoint == OutcomeInstrument.SixMonths).First())
            .ToList();
        var followUpsSafe = OutcomeStatistics.IsReportable(latest.Count)
            && (partsShownAlone is not { Count: > 1 }
                || OutcomeStatistics.SafeBeside(latest.Count, latest.GroupBy(a => a.CohortId).Select(g => g.Count()).Where(OutcomeStatistics.IsReportable).ToList()));
        var followUps = followUpsSafe
            ? OutcomeInstrument.FollowUps.Select(f => new FollowUpCount(f.Code, latest.Count(a => a.FollowUps.Split(',').Contains(f.Code)))).ToList()
            : null;
        return new OutcomeReport(
            counts.Sum(c => c.Applications), counts.Sum(c => c.Places), counts.Sum(c => c.Participants), counts.Sum(c => c.Completed),
            counts.Sum(c => c.SessionsHeld), counts.Sum(c => c.Attendances), counts.Sum(c => c.SessionsHeld * c.Participants),
            changes, latest.Count, followUps);
    }

    private static MeasureChange Measure(string measure, string later, IReadOnlyList<SubmittedOutcome> answers, Func<SubmittedOutcome, double?> value,
        IReadOnlyCollection<long>? partsShownAlone)
    {
        var starts = answers.Where(a => a.Timepoint == OutcomeInstrument.Start && value(a) is not null).ToDictionary(a => a.ApplicationId);
        var pairs = answers.Where(a => a.Timepoint == later && value(a) is not null && starts.ContainsKey(a.ApplicationId))
            .Select(a => (Cohort: a.CohortId, Before: value(starts[a.ApplicationId])!.Value, After: value(a)!.Value))
            .ToList();
        var safe = OutcomeStatistics.IsReportable(pairs.Count);
        if (safe && partsShownAlone is { Count: > 1 })
        {
            var reportedParts = pairs.GroupBy(p => p.Cohort).Select(g => g.Count()).Where(OutcomeStatistics.IsReportable).ToList();
            safe = OutcomeStatistics.SafeBeside(pairs.Count, reportedParts);
        }
        var change = safe ? OutcomeStatistics.Paired(pairs.Select(p => (p.Before, p.After)).ToList()) : null;
        return new MeasureChange(measure, later, pairs.Count, starts.Count - pairs.Count, change);
    }
}
