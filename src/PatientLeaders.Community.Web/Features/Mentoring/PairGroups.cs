namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>SignalR group names for mentoring pairs, made only here and only from ids the server has checked.</summary>
public static class PairGroups
{
    public static string For(long relationshipId) => "mentoring-pair-" + relationshipId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
