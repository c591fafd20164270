namespace PatientLeaders.Community.Web.Infrastructure.ScaleOut;

/// <summary>SignalR:Redis — a StackExchange.Redis configuration string ("host:port,password=…"). Empty: one server, no backplane.</summary>
public sealed class ScaleOutOptions
{
    public string? Redis { get; init; }
}
