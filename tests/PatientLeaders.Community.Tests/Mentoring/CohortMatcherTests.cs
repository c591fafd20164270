using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Tests.Mentoring;

public sealed class CohortMatcherTests
{
    [Test]
    public void Solve_WhereGreedyStrandsALaterMentee_FindsTheBetterTotal()
    {
        // Greedy gives Ann her favourite (X, 10) and leaves Bo with Y (1): 11. Best is Ann→Y, Bo→X: 9 + 9 = 18.
        int[][] weights = [[10, 9], [9, 1]];
        int[] capacities = [1, 1];
        var greedy = Greedy(weights, capacities);
        var best = CohortMatcher.Solve(weights, capacities, CohortGoal.BestTotalScore);
        Assert.That(CohortMatcher.Total(weights, greedy), Is.EqualTo(11));
        Assert.That(best, Is.EqualTo(new[] { 1, 0 }));
        Assert.That(CohortMatcher.Total(weights, best), Is.EqualTo(18));
    }

    [Test]
    public void Solve_NeverGivesAMentorMoreThanTheirFreePlaces()
    {
        int[][] weights = [[50, 1, 0], [50, 2, 0], [50, 3, 0], [50, 4, 0]];
        int[] capacities = [2, 1, 0];
        var result = CohortMatcher.Solve(weights, capacities, CohortGoal.MostPeopleMatched);
        Assert.That(result.Count(m => m == 0), Is.EqualTo(2));
        Assert.That(result.Count(m => m == 1), Is.EqualTo(1));
        Assert.That(result.Count(m => m == 2), Is.Zero, "a mentor with no free places gets nobody");
        Assert.That(result.Count(m => m == -1), Is.EqualTo(1));
    }

    [Test]
    public void Solve_HonoursForbiddenPairs()
    {
        int[][] weights = [[CohortMatcher.NotAllowed, 5], [CohortMatcher.NotAllowed, 9]];
        var result = CohortMatcher.Solve(weights, [3, 1], CohortGoal.MostPeopleMatched);
        Assert.That(result, Is.EqualTo(new[] { -1, 1 }).Or.EqualTo(new[] { 1, -1 }));
        Assert.That(result, Has.No.EqualTo(0));
    }

    [Test]
    public void Solve_MostPeopleMatched_PrefersCountOverScore()
    {
        // Ann and Bo both like X best; only Bo can have Y. Best score gives X to Bo (100) and nobody to Ann;
        // most matched gives Ann X and Bo Y.
        int[][] weights = [[60, CohortMatcher.NotAllowed], [100, 0]];
        Assert.That(CohortMatcher.Solve(weights, [1, 1], CohortGoal.MostPeopleMatched), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(CohortMatcher.Total(weights, CohortMatcher.Solve(weights, [1, 1], CohortGoal.BestTotalScore)), Is.EqualTo(100));
    }

    [Test]
    public void Solve_MatchesBruteForce_OnManySmallRandomCases([Values] CohortGoal goal)
    {
        var random = new Random(20300114);
        for (var round = 0; round < 400; round++)
        {
            var mentees = random.Next(1, 6);
            var mentors = random.Next(1, 4);
            var weights = Enumerable.Range(0, mentees).Select(_ => Enumerable.Range(0, mentors)
                .Select(_ => random.Next(5) == 0 ? CohortMatcher.NotAllowed : random.Next(0, 12)).ToArray()).ToArray();
            var capacities = Enumerable.Range(0, mentors).Select(_ => random.Next(0, 3)).ToArray();

            var result = CohortMatcher.Solve(weights, capacities, goal);
            var (bestCount, bestTotal) = BruteForce(weights, capacities, goal);
            var context = $"round {round}: weights {string.Join(" | ", weights.Select(w => string.Join(",", w)))}; capacities {string.Join(",", capacities)}";

            Assert.That(Valid(weights, capacities, result), Is.True, context);
            Assert.That(CohortMatcher.Total(weights, result), Is.EqualTo(bestTotal), context);
            if (goal == CohortGoal.MostPeopleMatched)
            {
                Assert.That(result.Count(r => r >= 0), Is.EqualTo(bestCount), context);
            }
        }
    }

    private static bool Valid(int[][] weights, int[] capacities, int[] result) =>
        result.Select((mentor, mentee) => mentor < 0 || weights[mentee][mentor] >= 0).All(ok => ok)
        && Enumerable.Range(0, capacities.Length).All(j => result.Count(r => r == j) <= capacities[j]);

    /// <summary>Every assignment of each mentee to a mentor or to nobody: the best (count, total) or best total.</summary>
    private static (int Count, long Total) BruteForce(int[][] weights, int[] capacities, CohortGoal goal)
    {
        var best = (Count: -1, Total: -1L);
        var current = new int[weights.Length];
        void Visit(int mentee)
        {
            if (mentee == weights.Length)
            {
                if (!Valid(weights, capacities, current))
                {
                    return;
                }
                var candidate = (Count: current.Count(c => c >= 0), Total: CohortMatcher.Total(weights, current));
                var better = goal == CohortGoal.MostPeopleMatched
                    ? candidate.Count > best.Count || (candidate.Count == best.Count && candidate.Total > best.Total)
                    : candidate.Total > best.Total;
                if (better)
                {
                    best = candidate;
                }
                return;
            }
            for (var mentor = -1; mentor < capacities.Length; mentor++)
            {
                current[mentee] = mentor;
                Visit(mentee + 1);
            }
        }
        Visit(0);
        return best;
    }

    private static int[] Greedy(int[][] weights, int[] capacities)
    {
        var left = capacities.ToArray();
        return weights.Select(row =>
        {
            var pick = Enumerable.Range(0, row.Length).Where(j => row[j] >= 0 && left[j] > 0).OrderByDescending(j => row[j]).DefaultIfEmpty(-1).First();
            if (pick >= 0)
            {
                left[pick]--;
            }
            return pick;
        }).ToArray();
    }
}
