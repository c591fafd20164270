using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>
/// The email that tells a moderator about a report, in their own language. It names the thread and links to the
/// moderation queue; it never carries the post, the reporter's note or anything about the person reported.
/// </summary>
public sealed class ModerationMail(IOptions<AccountOptions> account, IStringLocalizer<SharedResource> localizer)
{
    public OutgoingMail Report(ProgrammePerson to, string threadTitle, bool urgent) => SiteCultures.In(to.Language, () => new OutgoingMail(
        to.Email, to.DisplayName,
        urgent ? localizer["URGENT: a member may be at risk ({0})", threadTitle] : localizer["A post has been reported ({0})", threadTitle],
        string.Join("\n\n",
            localizer["Hello {0},", to.DisplayName].Value,
            urgent
                ? localizer["Someone has told us they are worried about a member who wrote in \"{0}\". Please look at it now: the person may need help quickly.", threadTitle].Value
                : localizer["A member has reported a post in \"{0}\".", threadTitle].Value,
            localizer["Open the moderation queue: {0}", account.Value.BaseUrl.TrimEnd('/') + "/forum/moderation"].Value,
            localizer["Patient Leaders Community"].Value),
        to.Id));
}
