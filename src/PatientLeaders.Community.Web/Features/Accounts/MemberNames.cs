namespace PatientLeaders.Community.Web.Features.Accounts;

public static class MemberNames
{
    public const string Imitates =
        "This name looks the same as another member's but is written differently. Write it plainly, or add something that sets it apart, such as an initial.";
}
