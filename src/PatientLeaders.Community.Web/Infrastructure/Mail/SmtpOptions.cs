using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>Mail:Smtp — the relay used when Mail:Transport is "Smtp".</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>STARTTLS (System.Net.Mail does not speak implicit TLS on port 465).</summary>
    public bool EnableSsl { get; set; }

    /// <summary>Leave empty for an unauthenticated relay.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
