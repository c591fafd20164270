namespace PatientLeaders.Community.Web.Features.Programmes.Outcomes;

/// <summary>A paired change: how many people answered both times, the mean change and its 95% confidence interval.</summary>
public sealed record PairedChange(int Pairs, double MeanBefore, double MeanAfter, double MeanChange, double Low, double High, int Improved);

/// <summary>
/// The honest arithmetic of outcome reports. Each person's answers before and after are paired, never a before-group
/// against a different after-group; the interval uses Student's t with n − 1 degrees of freedom; and any figure
/// from fewer than <see cref="Threshold"/> people is not reported at all (UK LLC's rule, research note (b)).
/// </summary>
public static class OutcomeStatistics
{
    public const int Threshold = 10;

    public static bool IsReportable(int people) => people >= Threshold;

    /// <summary>Null when fewer than two pairs (no interval exists); callers suppress below the threshold anyway.</summary>
    public static PairedChange? Paired(IReadOnlyList<(double Before, double After)> pairs)
    {
        var n = pairs.Count;
        if (n < 2)
        {
            return null;
        }
        var changes = pairs.Select(p => p.After - p.Before).ToList();
        var mean = changes.Average();
        var sd = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (n - 1));
        var half = TCritical(n - 1) * sd / Math.Sqrt(n);
        return new PairedChange(n, pairs.Average(p => p.Before), pairs.Average(p => p.After), mean, mean - half, mean + half, changes.Count(c => c > 0));
    }

    // Two-sided 95% critical values of Student's t by degrees of freedom; between rows, interpolated in 1/df.
    private static readonly (int Df, double T)[] Table =
    [
        (1, 12.7062), (2, 4.3027), (3, 3.1824), (4, 2.7764), (5, 2.5706), (6, 2.4469), (7, 2.3646), (8, 2.3060), (9, 2.2622), (10, 2.2281),
        (11, 2.2010), (12, 2.1788), (13, 2.1604), (14, 2.1448), (15, 2.1314), (16, 2.1199), (17, 2.1098), (18, 2.1009), (19, 2.0930), (20, 2.0860),
        (21, 2.0796), (22, 2.0739), (23, 2.0687), (24, 2.0639), (25, 2.0595), (26, 2.0555), (27, 2.0518), (28, 2.0484), (29, 2.0452), (30, 2.0423),
        (40, 2.0211), (50, 2.0086), (60, 2.0003), (80, 1.9901), (100, 1.9840), (120, 1.9799), (1000, 1.9623),
    ];

    public static double TCritical(int df)
    {
        if (df < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(df));
        }
        if (df >= 1000)
        {
            return 1.9600 + (Table[^1].T - 1.9600) * 1000.0 / df;
        }
        for (var i = 0; i < Table.Length; i++)
        {
            if (Table[i].Df == df)
            {
                return Table[i].T;
            }
            if (Table[i].Df > df)
            {
                var (lowDf, lowT) = Table[i - 1];
                var (highDf, highT) = Table[i];
                var share = (1.0 / lowDf - 1.0 / df) / (1.0 / lowDf - 1.0 / highDf);
                return lowT + (highT - lowT) * share;
            }
        }
        return Table[^1].T;
    }

    /// <summary>
    /// Whether a wider figure may be shown beside the narrower ones it contains: never when taking away a reported
    /// part would leave a group of 1 to <see cref="Threshold"/> − 1 people (subtracting one's way to a hidden group).
    /// </summary>
    public static bool SafeBeside(int total, IReadOnlyCollection<int> reportedParts) =>
        IsReportable(total)
        && reportedParts.Append(reportedParts.Sum()).All(part => total - part <= 0 || total - part >= Threshold);
}
