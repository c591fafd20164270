using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Sets;

public sealed class SetsOptions
{
    public const string Section = "Sets";

    /// <summary>Reminders go out this many hours before a meeting.</summary>
    [Range(1, 168)]
    public int ReminderHoursBefore { get; set; } = 24;

    /// <summary>How often the reminder job looks for meetings that need a reminder.</summary>
    [Range(1, 3600)]
    public int ReminderPollSeconds { get; set; } = 60;

    /// <summary>Run the reminder job in this process.</summary>
    public bool RemindersEnabled { get; set; } = true;

    /// <summary>Chat messages one member may send in ten seconds before the room asks them to slow down.</summary>
    [Range(1, 1000)]
    public int ChatMessagesPerTenSeconds { get; set; } = 10;

    /// <summary>Any room action (hands, bids, phase changes) one member may make in ten seconds.</summary>
    [Range(1, 10000)]
    public int RoomCallsPerTenSeconds { get; set; } = 60;

    /// <summary>
    /// How many people may be on one meeting's audio. Each sends their audio to every other, so a browser's upload
    /// grows with the number: nine is what an ordinary connection carries (about 0.5 Mbit/s each way).
    /// </summary>
    [Range(2, 9)]
    public int MaxOnAudio { get; set; } = 9;

    /// <summary>Audio signalling messages (session descriptions and network candidates) one member may send in ten seconds.</summary>
    [Range(1, 100000)]
    public int AudioSignalsPerTenSeconds { get; set; } = 600;

    /// <summary>The room's lobby opens this many minutes before a meeting starts (research notes, section c: 10).</summary>
    [Range(0, 20160)]
    public int LobbyOpensMinutesBefore { get; set; } = 10;

    /// <summary>
    /// How long the facilitator may be disconnected before the room pauses and waits for them. A shorter drop
    /// (a network blip, a reload) changes nothing.
    /// </summary>
    [Range(0, 3600)]
    public int FacilitatorGraceSeconds { get; set; } = 30;

    /// <summary>How often the server checks live rooms for a facilitator who has been gone longer than the grace period.</summary>
    [Range(1, 300)]
    public int FacilitatorWatchSeconds { get; set; } = 5;
}
