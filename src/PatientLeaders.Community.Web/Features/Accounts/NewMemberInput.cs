using System.ComponentModel.DataAnnotations;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>What a person types to make an account, in setup and registration alike.</summary>
public sealed class NewMemberInput
{
    [Required(ErrorMessage = "Enter the name you want other members to see")]
    [StringLength(100, ErrorMessage = "Your name must be 100 characters or fewer")]
    [Display(Name = "Your name")]
    [PlainText]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Choose a handle")]
    [RegularExpression("^[a-zA-Z0-9_-]{3,30}$", ErrorMessage = "Your handle must be 3 to 30 letters, numbers, hyphens or underscores")]
    public string Handle { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.com")]
    [StringLength(320, ErrorMessage = "Your email address must be 320 characters or fewer")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password")]
    [StringLength(PasswordPolicyValidator.MaximumLength, MinimumLength = 8, ErrorMessage = "Your password must be at least 8 characters")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public NewMember ToNewMember() => new(DisplayName, Handle, Email, Password);
}
