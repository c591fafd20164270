namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// The best overall assignment of mentees to mentors with capacities, exactly: min-cost flow by successive shortest
/// paths (Bellman-Ford/SPFA, since costs are negative scores). Source → mentee (capacity 1) → allowed mentor
/// (capacity 1, cost −weight) → sink (capacity = the mentor's free places). Each shortest augmenting path gives the
/// cheapest flow of that size, so stopping at the first non-negative path gives the best total score and running to
/// the end gives the most people matched at the best total. A greedy pass can strand a later mentee; this cannot.
/// </summary>
public static class CohortMatcher
{
    public const int NotAllowed = -1;

    /// <param name="weights">weights[mentee][mentor] ≥ 0, or <see cref="NotAllowed"/> where a hard rule forbids the pair.</param>
    /// <param name="capacities">Free places per mentor.</param>
    /// <returns>For each mentee, the index of their mentor, or −1.</returns>
    public static int[] Solve(IReadOnlyList<IReadOnlyList<int>> weights, IReadOnlyList<int> capacities, CohortGoal goal)
    {
        var mentees = weights.Count;
        var mentors = capacities.Count;
        var graph = new FlowGraph(mentees + mentors + 2);
        var source = 0;
        var sink = mentees + mentors + 1;
        var pairEdges = new List<(int Mentee, int Mentor, int Edge)>();
        for (var i = 0; i < mentees; i++)
        {
            graph.AddEdge(source, 1 + i, 1, 0);
            for (var j = 0; j < mentors; j++)
            {
                if (weights[i][j] >= 0 && capacities[j] > 0)
                {
                    pairEdges.Add((i, j, graph.AddEdge(1 + i, 1 + mentees + j, 1, -weights[i][j])));
                }
            }
        }
        for (var j = 0; j < mentors; j++)
        {
            if (capacities[j] > 0)
            {
                graph.AddEdge(1 + mentees + j, sink, capacities[j], 0);
            }
        }

        while (graph.ShortestPath(source, sink) is { } path)
        {
            if (goal == CohortGoal.BestTotalScore && path.Cost >= 0)
            {
                break;
            }
            graph.Augment(path.Edges);
        }

        var result = Enumerable.Repeat(-1, mentees).ToArray();
        foreach (var (mentee, mentor, edge) in pairEdges)
        {
            if (graph.Used(edge))
            {
                result[mentee] = mentor;
            }
        }
        return result;
    }

    /// <summary>Total weight of an assignment, for comparing answers.</summary>
    public static long Total(IReadOnlyList<IReadOnlyList<int>> weights, IReadOnlyList<int> assignment) =>
        assignment.Select((mentor, mentee) => mentor < 0 ? 0L : weights[mentee][mentor]).Sum();

    private sealed class FlowGraph(int nodes)
    {
        private readonly List<int> to = [];
        private readonly List<int> capacity = [];
        private readonly List<long> cost = [];
        private readonly List<int>[] outgoing = Enumerable.Range(0, nodes).Select(_ => new List<int>()).ToArray();

        public int AddEdge(int from, int target, int cap, long edgeCost)
        {
            var id = to.Count;
            to.Add(target);
            capacity.Add(cap);
            cost.Add(edgeCost);
            outgoing[from].Add(id);
            to.Add(from);
            capacity.Add(0);
            cost.Add(-edgeCost);
            outgoing[target].Add(id + 1);
            return id;
        }

        public bool Used(int edge) => capacity[edge] == 0 && capacity[edge ^ 1] > 0;

        /// <summary>SPFA from the source over edges with room left; null when the sink cannot be reached.</summary>
        public (long Cost, List<int> Edges)? ShortestPath(int source, int sink)
        {
            var distance = Enumerable.Repeat(long.MaxValue, nodes).ToArray();
            var via = Enumerable.Repeat(-1, nodes).ToArray();
            var queued = new bool[nodes];
            var queue = new Queue<int>();
            distance[source] = 0;
            queue.Enqueue(source);
            queued[source] = true;
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                queued[node] = false;
                foreach (var edge in outgoing[node])
                {
                    if (capacity[edge] <= 0)
                    {
                        continue;
                    }
                    var next = to[edge];
                    var candidate = distance[node] + cost[edge];
                    if (candidate < distance[next])
                    {
                        distance[next] = candidate;
                        via[next] = edge;
                        if (!queued[next])
                        {
                            queue.Enqueue(next);
                            queued[next] = true;
                        }
                    }
                }
            }
            if (distance[sink] == long.MaxValue)
            {
                return null;
            }
            var edges = new List<int>();
            for (var node = sink; node != source; node = to[via[node] ^ 1])
            {
                edges.Add(via[node]);
            }
            return (distance[sink], edges);
        }

        public void Augment(List<int> edges)
        {
            foreach (var edge in edges)
            {
                capacity[edge] -= 1;
                capacity[edge ^ 1] += 1;
            }
        }
    }
}
