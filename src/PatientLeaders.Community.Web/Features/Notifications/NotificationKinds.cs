namespace PatientLeaders.Community.Web.Features.Notifications;

public static class NotificationKinds
{
    /// <summary>Someone wrote @handle in a post.</summary>
    public const string Mention = "Mention";

    /// <summary>A new reply in a thread the member follows.</summary>
    public const string Reply = "Reply";
}
