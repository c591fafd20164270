using System.Globalization;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>The one place forum SignalR group names are made; never from a client's string.</summary>
public static class ForumGroups
{
    public static string Thread(long threadId) => string.Create(CultureInfo.InvariantCulture, $"forum-thread-{threadId}");

    public static string Member(long memberId) => string.Create(CultureInfo.InvariantCulture, $"member-{memberId}");
}
