using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Suspending a member for a period with a message, and lifting it: used by the admin member page and by
/// moderators. The member is signed out everywhere at once, told by email (in their saved language), and shown the
/// message and end date when they next try to sign in (<see cref="SignInMessage"/>).
/// </summary>
public sealed class Suspensions(UserManager<Member> users, SessionStore sessions, SecurityEventLog securityLog, MailOutbox outbox, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<DateTimeOffset> SuspendAsync(Member member, int days, string? message, CancellationToken ct)
    {
        var until = clock.GetUtcNow().AddDays(days);
        member.SuspendedUntil = until;
        member.SuspensionReason = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        await users.UpdateAsync(member);
        await users.UpdateSecurityStampAsync(member);
        await sessions.EndAllAsync(member.Id, ct);
        await securityLog.RecordAsync(member.Id, SecurityEvents.Suspended, ct);
        // Sent from a moderator's request: the member's own saved language, not the moderator's.
        var mail = SiteCultures.In(member.Language, () =>
        {
            var l = localizer;
            return new OutgoingMail(member.Email, member.DisplayName, l["Your account has been suspended"],
                $"""
                {l["Hello {0},", member.DisplayName]}

                {l["Your Patient Leaders Community account has been suspended until {0} UTC on {1}.", EndTime(until), EndDay(until, l)]}

                {(member.SuspensionReason is null ? "" : l["Message from the moderators: {0}", member.SuspensionReason].Value)}

                {l["If you want to talk about this, reply to the community team through the help page."]}
                """, member.Id);
        });
        await outbox.EnqueueAsync(mail, ct);
        return until;
    }

    public async Task LiftAsync(Member member, CancellationToken ct)
    {
        member.SuspendedUntil = null;
        member.SuspensionReason = null;
        await users.UpdateAsync(member);
        await securityLog.RecordAsync(member.Id, SecurityEvents.Restored, ct);
    }

    /// <summary>The end of a suspension as the moderation log records it (English, fixed when written).</summary>
    public static string EndDate(DateTimeOffset until) =>
        until.UtcDateTime.ToString("HH:mm 'UTC on' d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// What a suspended member sees at sign-in, once their password has been checked: in the language of that
    /// request when given the page's localizer (without one, in English).
    /// </summary>
    public static string SignInMessage(Member member, IStringLocalizer? localizer = null)
    {
        string L(string key, params object[] arguments) => localizer is null
            ? string.Format(CultureInfo.InvariantCulture, key, arguments)
            : localizer[key, arguments].Value;
        var until = member.SuspendedUntil ?? DateTimeOffset.MinValue;
        var day = until.UtcDateTime.ToString(localizer is null ? AccountMail.DateFormat : localizer[AccountMail.DateFormat].Value,
            localizer is null ? CultureInfo.InvariantCulture : CultureInfo.CurrentCulture);
        return L("Your account is suspended until {0} UTC on {1}. You can sign in again after that.", EndTime(until), day)
            + (string.IsNullOrWhiteSpace(member.SuspensionReason) ? "" : " " + L("Message from the moderators: {0}", member.SuspensionReason));
    }

    private static string EndTime(DateTimeOffset until) => until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string EndDay(DateTimeOffset until, IStringLocalizer localizer) =>
        until.UtcDateTime.ToString(localizer[AccountMail.DateFormat], CultureInfo.CurrentCulture);
}
