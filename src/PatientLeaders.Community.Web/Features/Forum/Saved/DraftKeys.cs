using PatientLeaders.Community.Web.Features.Forum.Threads;
namespace PatientLeaders.Community.Web.Features.Forum.Saved;

public static class DraftKeys
{
    public const string NewThread = "new";

    public static string Reply(long threadId) => "reply:" + threadId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The thread a reply draft belongs to, or null for a new-thread draft or an unknown key.</summary>
    public static bool TryParse(string key, out long? threadId)
    {
        threadId = null;
        if (key == NewThread)
        {
            return true;
        }
        if (key.StartsWith("reply:", StringComparison.Ordinal)
            && long.TryParse(key.AsSpan(6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            threadId = id;
            return true;
        }
        return false;
    }
}
