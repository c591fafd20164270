namespace PatientLeaders.Community.Web.Infrastructure.Scheduling;

internal static partial class PollingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: {Count} done")]
    public static partial void Done(ILogger logger, string job, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job}: nothing due")]
    public static partial void NothingDue(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed")]
    public static partial void Failed(ILogger logger, string job, Exception exception);
}
