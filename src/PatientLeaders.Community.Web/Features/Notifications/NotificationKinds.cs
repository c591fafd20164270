namespace PatientLeaders.Community.Web.Features.Notifications;

public static class NotificationKinds
{
    /// <summary>Someone wrote @handle in a post.</summary>
    public const string Mention = "Mention";

    /// <summary>A new reply in a thread the member follows.</summary>
    public const string Reply = "Reply";

    /// <summary>For moderators: a member reported a post.</summary>
    public const string Report = "Report";

    /// <summary>For moderators: a member is worried that someone who wrote a post may be at risk.</summary>
    public const string UrgentReport = "UrgentReport";
}
