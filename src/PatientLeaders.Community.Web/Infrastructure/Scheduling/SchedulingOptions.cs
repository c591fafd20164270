using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Infrastructure.Scheduling;

/// <summary>Settings shared by the background jobs.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Seconds after the site starts before the background jobs make their first pass (<see cref="StartDelay"/>).</summary>
    [Range(0, 600)]
    public int StartDelaySeconds { get; set; } = 30;
}
