using System.Data.Common;
using System.Text.Json;
using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Sets;

public sealed record LoadedMeeting(MeetingRow Row, MeetingState State);

public sealed record LiveMeetingRow
{
    public long Id { get; init; }
    public long SetId { get; init; }
    public long? FacilitatorId { get; init; }
    public string State { get; init; } = "{}";
}

/// <summary>The room's persistent half: meeting state, chat, bids, actions, attendance and timings.</summary>
public sealed class RoomStore(DbConnectionFactory db, TimeProvider clock)
{
    public const int MaxMessageLength = 2000;
    public const int HistoryPage = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string selectMessagesAfter = db.Dialect.Limit(SetsSql.SelectMessagesAfter);
    private readonly string selectLiveMeetings = db.Dialect.Limit(SetsSql.SelectLiveMeetings);

    /// <summary>Chat messages waiting for the write gate; see PostAsync.</summary>
    private readonly GroupCommit chat = new(db);

    public async Task<LoadedMeeting?> OpenMeetingAsync(long setId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<MeetingRow>(new CommandDefinition(SetsSql.SelectOpenMeeting, new { SetId = setId }, cancellationToken: ct));
        return row is null ? null : new LoadedMeeting(row, ToState(row));
    }

    public static MeetingState ToState(string? json) =>
        JsonSerializer.Deserialize<MeetingState>(string.IsNullOrWhiteSpace(json) ? "{}" : json, Json) ?? new MeetingState();

    public static MeetingState ToState(MeetingRow row)
    {
        var state = ToState(row.State);
        return state with
        {
            Phase = Enum.TryParse<MeetingPhase>(row.Phase, out var phase) ? phase : MeetingPhase.Lobby,
            Timer = new PhaseTimer(row.TimerStartedAt, row.TimerSeconds, row.TimerPausedAt),
        };
    }

    /// <summary>
    /// Saves a new state if nobody else changed it meanwhile (Version), logs phase changes for the summary, and
    /// on closing deletes the meeting's chat unless the set agreed to keep it. False on a conflict.
    /// </summary>
    public async Task<bool> SaveAsync(LoadedMeeting current, MeetingState next, bool keepChat, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = current.Row;
        var phaseChanged = next.Phase != current.State.Phase
            || (MeetingPhases.IsSlot(next.Phase) && next.PresenterIndex != current.State.PresenterIndex);
        await using var connection = await db.OpenAsync(ct);
        using var write = await db.WriteLockAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition(SetsSql.UpdateMeetingState, new
        {
            row.Id,
            row.Version,
            Phase = next.Phase.ToString(),
            State = JsonSerializer.Serialize(next, Json),
            TimerStartedAt = next.Timer.StartedAt,
            TimerSeconds = next.Timer.Seconds,
            TimerPausedAt = next.Timer.PausedAt,
            StartedAt = row.StartedAt ?? (next.Phase != MeetingPhase.Lobby ? now : null),
            ClosedAt = next.Phase == MeetingPhase.Closed ? row.ClosedAt ?? now : row.ClosedAt,
        }, tx, cancellationToken: ct));
        if (updated != 1)
        {
            return false;
        }
        if (phaseChanged)
        {
            await connection.ExecuteAsync(new CommandDefinition(SetsSql.EndPhaseLog, new { MeetingId = row.Id, Now = now }, tx, cancellationToken: ct));
            if (next.Phase != MeetingPhase.Closed)
            {
                await connection.ExecuteAsync(new CommandDefinition(SetsSql.InsertPhaseLog,
                    new { MeetingId = row.Id, Phase = next.Phase.ToString(), PresenterId = next.Presenter, Now = now }, tx, cancellationToken: ct));
            }
        }
        if (next.Phase == MeetingPhase.Closed && current.State.Phase != MeetingPhase.Closed && !keepChat)
        {
            await connection.ExecuteAsync(new CommandDefinition(SetsSql.DeleteMeetingMessages, new { row.SetId, MeetingId = row.Id }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Stores a chat message with the room's next sequence number, once per (set, author, clientMessageId):
    /// a retry returns the stored message. Created is false for a retry. Messages sent together are written
    /// together, by group commit (<see cref="GroupCommit"/>).
    /// </summary>
    public Task<(RoomMessageView Message, bool Created)> PostAsync(long setId, long? meetingId, long authorId, string clientMessageId, string body, CancellationToken ct) =>
        chat.WriteAsync((connection, tx) => WriteMessageAsync(connection, tx, new PendingMessage(setId, meetingId, authorId, clientMessageId, body)), ct);

    private sealed record PendingMessage(long SetId, long? MeetingId, long AuthorId, string ClientMessageId, string Body);

    private async Task<(RoomMessageView Message, bool Created)> WriteMessageAsync(DbConnection connection, DbTransaction tx, PendingMessage item)
    {
        var key = new { item.SetId, item.AuthorId, item.ClientMessageId };
        var existing = await connection.QuerySingleOrDefaultAsync<RoomMessageView>(new CommandDefinition(SetsSql.SelectMessageByClientId, key, tx));
        if (existing is not null)
        {
            return (existing, false);
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(SetsSql.NextSeq, new { item.SetId }, tx));
            var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SetsSql.SelectLastSeq, new { item.SetId }, tx));
            await connection.ExecuteAsync(new CommandDefinition(SetsSql.InsertMessage, new
            {
                item.SetId, item.MeetingId, Seq = seq, item.AuthorId, item.ClientMessageId, item.Body, PostedAt = clock.GetUtcNow(),
            }, tx));
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // SQL Server has no write gate: the same send arrived twice at once and the other stored it.
            return (await connection.QuerySingleAsync<RoomMessageView>(new CommandDefinition(SetsSql.SelectMessageByClientId, key, tx)), false);
        }
        return (await connection.QuerySingleAsync<RoomMessageView>(new CommandDefinition(SetsSql.SelectMessageByClientId, key, tx)), true);
    }

    /// <summary>Meetings under way (started, not closed), every set, in keyset pages.</summary>
    public async Task<IReadOnlyList<LiveMeetingRow>> LiveMeetingsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var all = new List<LiveMeetingRow>();
        for (var after = 0L; ;)
        {
            var page = (await connection.QueryAsync<LiveMeetingRow>(new CommandDefinition(selectLiveMeetings,
                new { AfterId = after, Take = HistoryPage }, cancellationToken: ct))).AsList();
            all.AddRange(page);
            if (page.Count < HistoryPage)
            {
                return all;
            }
            after = page[^1].Id;
        }
    }

    public async Task<IReadOnlyList<RoomMessageView>> MessagesAfterAsync(long setId, long after, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<RoomMessageView>(new CommandDefinition(selectMessagesAfter,
            new { SetId = setId, After = after, Take = HistoryPage }, cancellationToken: ct))).AsList();
    }

    public async Task<bool> FlagAsync(long setId, long seq, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        using var write = await db.WriteLockAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(SetsSql.FlagMessage, new { SetId = setId, Seq = seq }, cancellationToken: ct)) == 1;
    }

    public async Task SaveBidAsync(long meetingId, long memberId, int minutes, string headline, bool noTime, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        using var write = await db.WriteLockAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { MeetingId = meetingId, MemberId = memberId, Minutes = noTime ? 0 : minutes, Headline = noTime ? "" : headline, NoTime = noTime, BidAt = clock.GetUtcNow() };
        await connection.ExecuteAsync(new CommandDefinition(SetsSql.DeleteBid, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SetsSql.InsertBid, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SetsSql.MoveMeetingVersion, args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<BidView>> BidsAsync(long meetingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<BidView>(new CommandDefinition(SetsSql.SelectBids, new { MeetingId = meetingId }, cancellationToken: ct))).AsList();
    }

    public async Task AddActionAsync(long setId, long meetingId, long ownerId, string text, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        using var write = await db.WriteLockAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SetsSql.InsertAction,
            new { SetId = setId, MeetingId = meetingId, OwnerId = ownerId, Text = text, CreatedAt = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SetsSql.MoveMeetingVersion, new { MeetingId = meetingId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>Only the owner reviews, and only actions from earlier meetings.</summary>
    public async Task<bool> ReviewActionAsync(long setId, long meetingId, long ownerId, long actionId, string status, string note, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        using var write = await db.WriteLockAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var reviewed = await connection.ExecuteAsync(new CommandDefinition(SetsSql.ReviewAction, new
        {
            Id = actionId, SetId = setId, OwnerId = ownerId, MeetingId = meetingId, Status = status, StatusNote = note, Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct)) == 1;
        if (reviewed)
        {
            await connection.ExecuteAsync(new CommandDefinition(SetsSql.MoveMeetingVersion, new { MeetingId = meetingId }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return reviewed;
    }

    public async Task<long?> PreviousMeetingIdAsync(long setId, long meetingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SetsSql.SelectPreviousMeetingId, new { SetId = setId, MeetingId = meetingId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ActionView>> ActionsOfMeetingAsync(long meetingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ActionView>(new CommandDefinition(SetsSql.SelectActionsOfMeeting, new { MeetingId = meetingId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Records that a member is in the room; the first call is their arrival time.</summary>
    public async Task<DateTimeOffset> TouchAttendanceAsync(long meetingId, long memberId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        using var write = await db.WriteLockAsync(ct);
        var args = new { MeetingId = meetingId, MemberId = memberId, Now = now };
        if (await connection.ExecuteAsync(new CommandDefinition(SetsSql.UpdateAttendance, args, cancellationToken: ct)) == 0)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(SetsSql.InsertAttendance, args, cancellationToken: ct));
            }
            catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
            {
            }
        }
        return now;
    }
}
