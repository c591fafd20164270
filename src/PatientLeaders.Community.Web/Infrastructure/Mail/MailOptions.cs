using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    public const string PickupFolderTransport = "PickupFolder";

    public const string SmtpTransport = "Smtp";

    /// <summary>"PickupFolder" (default: one .eml file per message, nothing leaves the machine) or "Smtp".</summary>
    [RegularExpression("^(PickupFolder|Smtp)$", ErrorMessage = "Mail:Transport must be PickupFolder or Smtp.")]
    public string Transport { get; set; } = PickupFolderTransport;

    [Required, EmailAddress, MaxLength(320)]
    public string FromAddress { get; set; } = "community@localhost";

    [MaxLength(200)]
    public string FromName { get; set; } = "Patient Leaders Community";

    /// <summary>Relative paths are under the content root.</summary>
    [Required]
    public string PickupFolder { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Run the background sender in this process. Turn off on all but some instances if you like;
    /// leases make several senders safe.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>Longest sleep between passes; an enqueue in this process wakes the sender sooner.</summary>
    [Range(1, 3600)]
    public int PollIntervalSeconds { get; set; } = 5;

    /// <summary>How long a claimed row stays reserved for one sender. A single send is cut off at half of this.</summary>
    [Range(10, 86400)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Attempts before a row is given up (FailedAt set).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay after the first failure; doubles with each further failure.</summary>
    [Range(1, 86400)]
    public int BaseRetrySeconds { get; set; } = 30;

    /// <summary>Cap on the retry delay.</summary>
    [Range(1, 604800)]
    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>Rows claimed per pass.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    public TimeSpan SendTimeout => TimeSpan.FromSeconds(LeaseSeconds / 2.0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var nested = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), nested, validateAllProperties: true);
        foreach (var result in nested)
        {
            yield return new ValidationResult(
                "Mail:Smtp: " + result.ErrorMessage, result.MemberNames.Select(name => "Smtp." + name).ToList());
        }
        if (Transport == SmtpTransport && string.IsNullOrWhiteSpace(Smtp.Host))
        {
            yield return new ValidationResult("Mail:Smtp:Host is required when Mail:Transport is Smtp.", ["Smtp.Host"]);
        }
        if (string.IsNullOrEmpty(Smtp.UserName) != string.IsNullOrEmpty(Smtp.Password))
        {
            yield return new ValidationResult("Mail:Smtp:UserName and Mail:Smtp:Password go together.", ["Smtp.UserName"]);
        }
        if (FromName.Any(c => char.IsControl(c)) || FromAddress.Any(c => char.IsControl(c)))
        {
            yield return new ValidationResult("Mail:FromName and Mail:FromAddress must be single lines.", ["FromName"]);
        }
    }
}
