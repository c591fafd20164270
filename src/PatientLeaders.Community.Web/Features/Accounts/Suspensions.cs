using System.Globalization;
using Microsoft.AspNetCore.Identity;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Suspending a member for a period with a message, and lifting it: used by the admin member page and by
/// moderators. The member is signed out everywhere at once, told by email, and shown the message and end date
/// when they next try to sign in (<see cref="SignInMessage"/>).
/// </summary>
public sealed class Suspensions(UserManager<Member> users, SessionStore sessions, SecurityEventLog securityLog, MailOutbox outbox, TimeProvider clock)
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
        await outbox.EnqueueAsync(new OutgoingMail(member.Email, member.DisplayName, "Your account has been suspended",
            $"""
            Hello {member.DisplayName},

            Your Patient Leaders Community account has been suspended until {EndDate(until)}.

            {(member.SuspensionReason is null ? "" : "Message from the moderators: " + member.SuspensionReason)}

            If you want to talk about this, reply to the community team through the help page.
            """, member.Id), ct);
        return until;
    }

    public async Task LiftAsync(Member member, CancellationToken ct)
    {
        member.SuspendedUntil = null;
        member.SuspensionReason = null;
        await users.UpdateAsync(member);
        await securityLog.RecordAsync(member.Id, SecurityEvents.Restored, ct);
    }

    public static string EndDate(DateTimeOffset until) =>
        until.UtcDateTime.ToString("HH:mm 'UTC on' d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>What a suspended member sees at sign-in, once their password has been checked.</summary>
    public static string SignInMessage(Member member) =>
        $"Your account is suspended until {EndDate(member.SuspendedUntil ?? DateTimeOffset.MinValue)}. You can sign in again after that."
        + (string.IsNullOrWhiteSpace(member.SuspensionReason) ? "" : $" Message from the moderators: {member.SuspensionReason}");
}
