using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// The words of every account email, in plain language, with the link spelled out in full. Each is written in its
/// reader's language: a member's saved language, whatever the language of the request that sends it. Account mail is
/// sent from the member's own request (or a visitor's, using their address), so a member who has not chosen a
/// language gets the language that request was answered in. An invitation goes to someone who is not a member yet
/// and has chosen nothing: it is written in the language of the request that sends it, which is the inviter's own.
/// </summary>
public sealed class AccountMail(IOptions<AccountOptions> options, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>A date in an email, in the reader's language (a resource, so Spanish can say "5 de marzo de 2026").</summary>
    public const string DateFormat = "d MMMM yyyy";

    private string Link(string pathAndQuery) => options.Value.BaseUrl.TrimEnd('/') + pathAndQuery;

    private static string LanguageOf(Member member) => member.Language ?? CultureInfo.CurrentUICulture.Name;

    /// <summary>The day, in the current culture's words and the resource's order.</summary>
    private string Day(DateTimeOffset time) => time.UtcDateTime.ToString(localizer[DateFormat], CultureInfo.CurrentCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    public OutgoingMail Invitation(string email, string name, string inviterName, string token, DateTimeOffset expires, string message = "") =>
        SiteCultures.In(CultureInfo.CurrentUICulture.Name, () =>
        {
            var l = localizer;
            return new OutgoingMail(email, name.Length > 0 ? name : email, l["You are invited to join Patient Leaders Community"],
                $"""
                {(name.Length > 0 ? l["Hello {0},", name] : l["Hello,"])}

                {l["{0} has invited you to join Patient Leaders Community, the online community of practice and mentoring network of the Centre for Patient Leaders.", inviterName]}
                {(message.Length > 0 ? $"\n{l["{0} writes:", inviterName]}\n\n{message}\n" : "")}
                {l["To accept, open this link and choose a name, a handle and a password. There is nothing else to confirm: you are in as soon as you have done it."]}
                {Link("/account/register?invite=" + Uri.EscapeDataString(token))}

                {l["The link works once and expires on {0} at {1} UTC.", Day(expires), Time(expires)]}

                {l["If you were not expecting this, you can ignore this email."]}
                """);
        });

    /// <param name="returnTo">A local address to come back to after confirming and signing in (applying for a programme, say).</param>
    public OutgoingMail ConfirmEmail(Member member, string address, string token, string? returnTo = null) => SiteCultures.In(LanguageOf(member), () =>
    {
        var l = localizer;
        return new OutgoingMail(address, member.DisplayName, l["Confirm your email address"],
            $"""
            {l["Hello {0},", member.DisplayName]}

            {l["Please confirm this email address for your Patient Leaders Community account by opening this link:"]}
            {Link($"/account/confirm-email?member={member.Id}&code={Uri.EscapeDataString(token)}" + (address == member.Email ? "" : "&email=" + Uri.EscapeDataString(address)) + (returnTo is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnTo)))}

            {l["If you did not ask for this, you can ignore this email."]}
            """, member.Id);
    });

    public OutgoingMail ResetPassword(Member member, string token) => SiteCultures.In(LanguageOf(member), () =>
    {
        var l = localizer;
        return new OutgoingMail(member.Email, member.DisplayName, l["Reset your password"],
            $"""
            {l["Hello {0},", member.DisplayName]}

            {l.Plural(options.Value.PasswordResetMinutes, "Someone asked to reset the password for your Patient Leaders Community account. If it was you, open this link within {0} minutes:")}
            {Link($"/account/reset-password?member={member.Id}&code={Uri.EscapeDataString(token)}")}

            {l["If it was not you, you can ignore this email: your password has not changed."]}
            """, member.Id);
    });

    public OutgoingMail PasswordChanged(Member member) => SiteCultures.In(LanguageOf(member), () =>
    {
        var l = localizer;
        return new OutgoingMail(member.Email, member.DisplayName, l["Your password was changed"],
            $"""
            {l["Hello {0},", member.DisplayName]}

            {l["The password for your Patient Leaders Community account was changed, and you were signed out everywhere else."]}

            {l["If this was not you, reset your password now: {0}", Link("/account/forgot-password")]}
            """, member.Id);
    });

    public OutgoingMail EmailChangeRequested(Member member, string newAddress) => SiteCultures.In(LanguageOf(member), () =>
    {
        var l = localizer;
        return new OutgoingMail(member.Email, member.DisplayName, l["Your email address is being changed"],
            $"""
            {l["Hello {0},", member.DisplayName]}

            {l["Someone signed in to your Patient Leaders Community account asked to change its email address from this one to {0}. The change happens only when the new address is confirmed.", newAddress]}

            {l["If this was not you, change your password now and contact us: {0}", Link("/help")]}
            """, member.Id);
    });

    public OutgoingMail AlreadyRegistered(Member member) => SiteCultures.In(LanguageOf(member), () =>
    {
        var l = localizer;
        return new OutgoingMail(member.Email, member.DisplayName, l["Someone tried to join with your email address"],
            $"""
            {l["Hello {0},", member.DisplayName]}

            {l["Someone tried to create a new Patient Leaders Community account with this email address, but you already have one."]}

            {l["If it was you, sign in here: {0}", Link("/account/login")]}
            {l["If you have forgotten your password, reset it here: {0}", Link("/account/forgot-password")]}

            {l["If it was not you, you can ignore this email. Nothing has changed."]}
            """, member.Id);
    });
}
