using System.Globalization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>The words of every account email, in plain language, with the link spelled out in full.</summary>
public sealed class AccountMail(IOptions<AccountOptions> options)
{
    private string Link(string pathAndQuery) => options.Value.BaseUrl.TrimEnd('/') + pathAndQuery;

    private static string When(DateTimeOffset time) =>
        time.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB"));

    public OutgoingMail Invitation(string email, string name, string inviterName, string token, DateTimeOffset expires, string message = "") => new(
        email, name.Length > 0 ? name : email, "You are invited to join Patient Leaders Community",
        $"""
        Hello{(name.Length > 0 ? " " + name : "")},

        {inviterName} has invited you to join Patient Leaders Community, the online community of practice and mentoring network of the Centre for Patient Leaders.
        {(message.Length > 0 ? $"\n{inviterName} writes:\n\n{message}\n" : "")}
        To accept, open this link and choose a name, a handle and a password. There is nothing else to confirm: you are in as soon as you have done it.
        {Link("/account/register?invite=" + Uri.EscapeDataString(token))}

        The link works once and expires on {When(expires)}.

        If you were not expecting this, you can ignore this email.
        """);

    /// <param name="returnTo">A local address to come back to after confirming and signing in (applying for a programme, say).</param>
    public OutgoingMail ConfirmEmail(Member member, string address, string token, string? returnTo = null) => new(
        address, member.DisplayName, "Confirm your email address",
        $"""
        Hello {member.DisplayName},

        Please confirm this email address for your Patient Leaders Community account by opening this link:
        {Link($"/account/confirm-email?member={member.Id}&code={Uri.EscapeDataString(token)}" + (address == member.Email ? "" : "&email=" + Uri.EscapeDataString(address)) + (returnTo is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnTo)))}

        If you did not ask for this, you can ignore this email.
        """, member.Id);

    public OutgoingMail ResetPassword(Member member, string token) => new(
        member.Email, member.DisplayName, "Reset your password",
        $"""
        Hello {member.DisplayName},

        Someone asked to reset the password for your Patient Leaders Community account. If it was you, open this link within {options.Value.PasswordResetMinutes} minutes:
        {Link($"/account/reset-password?member={member.Id}&code={Uri.EscapeDataString(token)}")}

        If it was not you, you can ignore this email: your password has not changed.
        """, member.Id);

    public OutgoingMail PasswordChanged(Member member) => new(
        member.Email, member.DisplayName, "Your password was changed",
        $"""
        Hello {member.DisplayName},

        The password for your Patient Leaders Community account was changed, and you were signed out everywhere else.

        If this was not you, reset your password now: {Link("/account/forgot-password")}
        """, member.Id);

    public OutgoingMail EmailChangeRequested(Member member, string newAddress) => new(
        member.Email, member.DisplayName, "Your email address is being changed",
        $"""
        Hello {member.DisplayName},

        Someone signed in to your Patient Leaders Community account asked to change its email address from this one to {newAddress}. The change happens only when the new address is confirmed.

        If this was not you, change your password now and contact us: {Link("/help")}
        """, member.Id);

    public OutgoingMail AlreadyRegistered(Member member) => new(
        member.Email, member.DisplayName, "Someone tried to join with your email address",
        $"""
        Hello {member.DisplayName},

        Someone tried to create a new Patient Leaders Community account with this email address, but you already have one.

        If it was you, sign in here: {Link("/account/login")}
        If you have forgotten your password, reset it here: {Link("/account/forgot-password")}

        If it was not you, you can ignore this email. Nothing has changed.
        """, member.Id);
}
