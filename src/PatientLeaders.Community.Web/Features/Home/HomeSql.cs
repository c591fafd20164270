using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Profiles;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.Features.Home;

public static class HomeSql
{
    /// <summary>
    /// The member's own rows on their home, each feature's own statement, as one command: eleven seeks on the
    /// member's id cost one round trip through Dapper instead of eleven. <see cref="DashboardStore"/> reads the
    /// results in this order.
    /// </summary>
    public const string OwnRows = SetsSql.SelectMySets + ";\n"
        + MentoringSql.SelectRelationshipsOfMember + ";\n"
        + MentoringSql.SelectUnreadCounts + ";\n"
        + MentoringSql.SelectChoicesForMentor + ";\n"
        + MentoringSql.SelectRequestsOfMentee + ";\n"
        + ForumSql.SelectFollowedCategoryIds + ";\n"
        + InvolvementSql.SelectPoolProfile + ";\n"
        + "SELECT COUNT(*) FROM PostDrafts WHERE MemberId = @MemberId;\n"
        + ProgrammesSql.SelectMyApplications + ";\n"
        + ProgrammesSql.SelectResponsesOfMember + ";\n"
        + ProfilesSql.SelectProfileById;
}
