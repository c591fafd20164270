using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>
/// "You have a message", in the recipient's language, only to members who get email at once. It names the sender and
/// links to the conversation; the subject and the message stay on the site (either may hold health details).
/// </summary>
public sealed class MessageMail(IOptions<AccountOptions> account, IStringLocalizer<SharedResource> localizer)
{
    public OutgoingMail NewMessage(Participant to, string senderName, long conversationId) => SiteCultures.In(to.Language, () => new OutgoingMail(
        to.Email, to.DisplayName, localizer["{0} sent you a message", senderName],
        string.Join("\n\n",
            localizer["Hello {0},", to.DisplayName].Value,
            localizer["{0} sent you a private message on Patient Leaders Community.", senderName].Value,
            localizer["Read it and reply: {0}", account.Value.BaseUrl.TrimEnd('/') + $"/messages/{conversationId}"].Value,
            localizer["You get this because you chose email at once in your settings. Change it here: {0}", account.Value.BaseUrl.TrimEnd('/') + "/account/settings"].Value,
            localizer["Patient Leaders Community"].Value),
        to.Id));

    public OutgoingMail Reported(Participant to) => SiteCultures.In(to.Language, () => new OutgoingMail(
        to.Email, to.DisplayName, localizer["A private message has been reported"],
        string.Join("\n\n",
            localizer["Hello {0},", to.DisplayName].Value,
            localizer["A member has reported a private message they received. You can read that message, and the few around it, in the moderation queue; your reading is recorded in the moderation log."].Value,
            localizer["Open the reported messages: {0}", account.Value.BaseUrl.TrimEnd('/') + "/messages/reports"].Value,
            localizer["Patient Leaders Community"].Value),
        to.Id));
}
