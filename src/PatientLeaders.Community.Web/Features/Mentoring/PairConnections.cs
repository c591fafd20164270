namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Which live connections are listening to which pair, so that ending a relationship can take them out of its group.
/// In memory, like the set rooms' map: a second server would need a backplane and a shared store for this.
/// </summary>
public sealed class PairConnections
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, HashSet<string>> pairs = [];
    private readonly Dictionary<string, HashSet<long>> connections = [];

    public void Join(long relationshipId, string connectionId)
    {
        lock (gate)
        {
            Add(pairs, relationshipId, connectionId);
            Add(connections, connectionId, relationshipId);
        }
    }

    public void Leave(long relationshipId, string connectionId)
    {
        lock (gate)
        {
            Remove(pairs, relationshipId, connectionId);
            Remove(connections, connectionId, relationshipId);
        }
    }

    public void Disconnect(string connectionId)
    {
        lock (gate)
        {
            if (connections.Remove(connectionId, out var joined))
            {
                foreach (var relationshipId in joined)
                {
                    Remove(pairs, relationshipId, connectionId);
                }
            }
        }
    }

    /// <summary>Forgets every connection listening to the pair and returns them.</summary>
    public IReadOnlyList<string> RemovePair(long relationshipId)
    {
        lock (gate)
        {
            if (!pairs.Remove(relationshipId, out var listening))
            {
                return [];
            }
            foreach (var connectionId in listening)
            {
                Remove(connections, connectionId, relationshipId);
            }
            return listening.ToList();
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, HashSet<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var set))
        {
            set = [];
            map[key] = set;
        }
        set.Add(value);
    }

    private static void Remove<TKey, TValue>(Dictionary<TKey, HashSet<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (map.TryGetValue(key, out var set) && set.Remove(value) && set.Count == 0)
        {
            map.Remove(key);
        }
    }
}
