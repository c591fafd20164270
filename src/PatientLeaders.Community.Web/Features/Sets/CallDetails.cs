using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// A way into a set's meeting by video call (an https link) or by phone (a number and any PIN), for members who cannot
/// or will not use the room. Entered by the facilitator for the set, and changed for one meeting where needed; shown
/// only to the set's members, in the invitation email and in the calendar file.
/// </summary>
public sealed record CallDetails(string Link, string DialIn)
{
    public const int MaxLinkLength = 500;
    public const int MaxDialInLength = 200;

    public static readonly CallDetails None = new("", "");

    public bool IsEmpty => Link.Length == 0 && DialIn.Length == 0;

    /// <summary>The meeting's own link and dial-in, each falling back to the set's.</summary>
    public static CallDetails For(MeetingRow? meeting, SetView set) => new(
        meeting is { CallLink.Length: > 0 } ? meeting.CallLink : set.CallLink,
        meeting is { DialIn.Length: > 0 } ? meeting.DialIn : set.DialIn);

    /// <summary>A link the site will show and put in a calendar: an absolute https address, nothing else.</summary>
    public static bool IsSafeLink(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0 && text!.Length <= MaxLinkLength;
}

/// <summary>
/// An optional call link: empty, or an absolute https address without a user name in it (never javascript:, data:,
/// plain http or "https://trusted@elsewhere"). The message is in the reader's language.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CallLinkAttribute : ValidationAttribute
{
    public const string Message = "Enter the call's full web address, starting with https://";

    public override bool IsValid(object? value) => value is not string text || text.Trim().Length == 0 || CallDetails.IsSafeLink(text.Trim());

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValid(value))
        {
            return ValidationResult.Success;
        }
        var localizer = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
        var members = validationContext.MemberName is { } name ? new[] { name } : null;
        return new ValidationResult(localizer?[Message].Value ?? Message, members);
    }
}
