using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// Every few seconds, makes a room wait for a facilitator who has been gone longer than the grace period
/// (RoomService.WatchFacilitatorsAsync). The times it compares are in the database, so a restart loses nothing.
/// </summary>
public sealed partial class FacilitatorWatchService(RoomService rooms, IOptions<SetsOptions> options, TimeProvider clock, ILogger<FacilitatorWatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.FacilitatorWatchSeconds), clock, stoppingToken);
                await rooms.WatchFacilitatorsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking live rooms for their facilitators failed")]
    private partial void LogFailed(Exception exception);
}
