using PatientLeaders.Community.Web.Features.Programmes.Outcomes;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>The report arithmetic against values worked out by hand, and the suppression rules at their edges.</summary>
public sealed class OutcomeStatisticsTests
{
    private static readonly double[] Before = [20, 22, 25, 18, 30, 24, 21, 19, 27, 23];

    [Test]
    public void PairedChange_MatchesTheHandWorkedValues()
    {
        // Changes 1..10: mean 5.5; SD √(82.5 / 9) = 3.02765; SE = 0.957427; t(9) = 2.2622; half-width 2.16590.
        var pairs = Before.Select((b, i) => (b, b + i + 1)).ToList();
        var change = OutcomeStatistics.Paired(pairs)!;
        Assert.That(change.Pairs, Is.EqualTo(10));
        Assert.That(change.MeanChange, Is.EqualTo(5.5).Within(1e-9));
        Assert.That(change.MeanBefore, Is.EqualTo(22.9).Within(1e-9));
        Assert.That(change.MeanAfter, Is.EqualTo(28.4).Within(1e-9));
        Assert.That(change.Low, Is.EqualTo(3.3341).Within(0.0005));
        Assert.That(change.High, Is.EqualTo(7.6659).Within(0.0005));
        Assert.That(change.Improved, Is.EqualTo(10));
    }

    [Test]
    public void NoChangeAtAll_HasAZeroWidthInterval_AndNobodyImproved()
    {
        var change = OutcomeStatistics.Paired(Before.Select(b => (b, b)).ToList())!;
        Assert.That((change.MeanChange, change.Low, change.High, change.Improved), Is.EqualTo((0.0, 0.0, 0.0, 0)));
        Assert.That(OutcomeStatistics.Paired([(1, 2)]), Is.Null, "one pair has no interval");
    }

    [TestCase(1, 12.7062)]
    [TestCase(9, 2.2622)]
    [TestCase(30, 2.0423)]
    [TestCase(35, 2.0301)]
    [TestCase(120, 1.9799)]
    [TestCase(5000, 1.9605)]
    public void TheCriticalValue_FollowsStudentsT(int df, double expected) =>
        Assert.That(OutcomeStatistics.TCritical(df), Is.EqualTo(expected).Within(0.0005));

    [TestCase(9, false)]
    [TestCase(10, true)]
    public void TenIsTheThreshold(int people, bool reportable) => Assert.That(OutcomeStatistics.IsReportable(people), Is.EqualTo(reportable));

    [TestCase(25, new[] { 12 }, true)]
    [TestCase(20, new[] { 12 }, false)]
    [TestCase(12, new[] { 12 }, true)]
    [TestCase(32, new[] { 11, 12 }, false)]
    [TestCase(33, new[] { 11, 12 }, true)]
    [TestCase(9, new int[0], false)]
    public void AWiderFigure_IsHiddenWhenSubtractionWouldRevealASmallGroup(int total, int[] parts, bool safe) =>
        Assert.That(OutcomeStatistics.SafeBeside(total, parts), Is.EqualTo(safe));

    [Test]
    public void TheReport_SuppressesSmallGroupsAndSubtractableProgrammeFigures()
    {
        static List<SubmittedOutcome> Cohort(long cohortId, int people, long firstId) =>
            [.. Enumerable.Range(0, people).SelectMany(i => new[]
            {
                new SubmittedOutcome(firstId + i, cohortId, OutcomeInstrument.Start, 20, 3.0, ""),
                new SubmittedOutcome(firstId + i, cohortId, OutcomeInstrument.End, 20 + i % 4, 3.5, ""),
            })];
        Assert.That(EndChange(OutcomeReport.Build([], Cohort(1, 9, 0))), Is.Null, "nine people");
        Assert.That(EndChange(OutcomeReport.Build([], Cohort(1, 10, 0)))!.Pairs, Is.EqualTo(10));

        // A programme of a reportable cohort of 12 and one of 5: its total would give the 5 away.
        var twelveAndFive = Cohort(1, 12, 0).Concat(Cohort(2, 5, 100)).ToList();
        Assert.That(EndChange(OutcomeReport.Build([], twelveAndFive, [1, 2])), Is.Null);
        var twelveAndTen = Cohort(1, 12, 0).Concat(Cohort(2, 10, 100)).ToList();
        Assert.That(EndChange(OutcomeReport.Build([], twelveAndTen, [1, 2]))!.Pairs, Is.EqualTo(22));

        // Someone who answered only at the end is not paired with anyone else's start.
        var unpaired = Cohort(1, 10, 0).Append(new SubmittedOutcome(50, 1, OutcomeInstrument.End, 40, 5, "")).ToList();
        var report = OutcomeReport.Build([], unpaired);
        Assert.That(EndChange(report)!.Pairs, Is.EqualTo(10));
        Assert.That(report.FollowUps, Is.Null, "no follow-up answers at all");
    }

    private static PairedChange? EndChange(OutcomeReport report) =>
        report.Changes.Single(c => c.Measure == OutcomeReport.Gse && c.Timepoint == OutcomeInstrument.End).Change;
}
