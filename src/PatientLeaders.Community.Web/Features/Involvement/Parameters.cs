namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>Several anonymous objects as one set of Dapper parameters: the shared fields of a statement and its extra ones.</summary>
public static class Parameters
{
    public static Dictionary<string, object?> Merge(params object[] parts)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var property in part.GetType().GetProperties())
            {
                merged[property.Name] = property.GetValue(part);
            }
        }
        return merged;
    }
}
