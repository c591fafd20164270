using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>Mail:Smtp — the relay used when Mail:Transport is "Smtp".</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// How the connection is protected: "StartTls" (default: a plain connection upgraded with STARTTLS, and the send
    /// fails if the server cannot; port 587), "Tls" (TLS from the first byte; port 465) or "None" (only for a relay
    /// on the same machine or a private network).
    /// </summary>
    [RegularExpression("^(StartTls|Tls|None)$", ErrorMessage = "Mail:Smtp:Security must be StartTls, Tls or None.")]
    public string Security { get; set; } = "StartTls";

    /// <summary>Leave empty for an unauthenticated relay.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
