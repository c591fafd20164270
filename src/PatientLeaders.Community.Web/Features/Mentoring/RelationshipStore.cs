using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// A mentoring relationship and everything in it. Reads that show content take the viewer's id and return nothing
/// for anyone outside the pair; private notes come back only to their author unless shared.
/// </summary>
public sealed class RelationshipStore(DbConnectionFactory db, MailOutbox outbox, MentoringMail mail, IOptions<MentoringOptions> options, TimeProvider clock,
    IEnumerable<ISessionLoggedListener> listeners)
{
    public const int MessagePageSize = 50;
    public const int CatchUpSize = 200;

    public async Task<Relationship?> FindForMemberAsync(long id, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Relationship>(new CommandDefinition(MentoringSql.SelectRelationshipForMember, new { Id = id, MemberId = memberId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Relationship>> ForMemberAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Relationship>(new CommandDefinition(MentoringSql.SelectRelationshipsOfMember, new { MemberId = memberId }, cancellationToken: ct))).ToList();
    }

    /// <summary>For coordinators: status and dates of active pairs (the view shows no content).</summary>
    public async Task<IReadOnlyList<Relationship>> ActiveAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Relationship>(new CommandDefinition(MentoringSql.SelectActiveRelationships, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<Relationship>> RecentlyEndedAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Relationship>(new CommandDefinition(MentoringSql.SelectRecentlyEnded, new { Since = since }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<TimeSpan>> TimesToMatchAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(DateTimeOffset CreatedAt, DateTimeOffset MatchedAt)>(new CommandDefinition(MentoringSql.SelectMatchTimes, new { Since = since }, cancellationToken: ct));
        return rows.Select(r => r.MatchedAt - r.CreatedAt).ToList();
    }

    // Goals

    public async Task<IReadOnlyList<Goal>> GoalsAsync(long relationshipId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Goal>(new CommandDefinition(MentoringSql.SelectGoals, new { RelationshipId = relationshipId }, cancellationToken: ct))).ToList();
    }

    public async Task AddGoalAsync(long relationshipId, string title, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertGoal, new { RelationshipId = relationshipId, Title = title, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async Task<bool> SetGoalProgressAsync(long relationshipId, long goalId, string progress, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(MentoringSql.UpdateGoalProgress,
            new { Id = goalId, RelationshipId = relationshipId, Progress = progress, Now = clock.GetUtcNow() }, cancellationToken: ct)) == 1;
    }

    // Sessions and private notes

    public async Task<IReadOnlyList<SessionLogEntry>> SessionsAsync(long relationshipId, long viewerId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sessions = (await connection.QueryAsync<SessionLogEntry>(new CommandDefinition(MentoringSql.SelectSessions, new { RelationshipId = relationshipId }, cancellationToken: ct))).ToList();
        var notes = (await connection.QueryAsync<SessionNote>(new CommandDefinition(MentoringSql.SelectVisibleNotes,
            new { RelationshipId = relationshipId, ViewerId = viewerId }, cancellationToken: ct))).ToLookup(n => n.SessionId);
        foreach (var session in sessions)
        {
            session.Notes = notes[session.Id].OrderByDescending(n => n.AuthorId == viewerId).ToList();
        }
        return sessions;
    }

    /// <summary>Logs a session with the author's private note; the first session ever logged asks both, privately, whether the match fits.</summary>
    public async Task LogSessionAsync(Relationship relationship, long memberId, SessionEdit edit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var sessionId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MentoringSql.InsertSession + db.Dialect.SelectInsertedId, new
        {
            RelationshipId = relationship.Id, HeldOn = MentoringDates.ToStored(edit.HeldOn), edit.Format, edit.DurationMinutes, LoggedById = memberId, Now = now,
        }, tx, cancellationToken: ct));
        if (!string.IsNullOrWhiteSpace(edit.Note))
        {
            await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertNote,
                new { SessionId = sessionId, AuthorId = memberId, Body = edit.Note.Trim(), IsShared = edit.ShareNote, Now = now }, tx, cancellationToken: ct));
        }
        var current = await connection.QuerySingleAsync<Relationship>(new CommandDefinition(MentoringSql.SelectRelationshipById, new { relationship.Id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.RecordSession,
            new { relationship.Id, Now = now, HeldOn = MentoringDates.ToStored(edit.HeldOn) }, tx, cancellationToken: ct));
        if (current.FirstSessionAt is null)
        {
            var mentor = await MentoringDb.PersonAsync(connection, tx, current.MentorId, ct);
            var mentee = await MentoringDb.PersonAsync(connection, tx, current.MenteeId, ct);
            await outbox.EnqueueAsync(connection, tx, mail.FitCheck(mentor, mentee.DisplayName, current.Id), ct);
            await outbox.EnqueueAsync(connection, tx, mail.FitCheck(mentee, mentor.DisplayName, current.Id), ct);
        }
        await tx.CommitAsync(ct);
        foreach (var listener in listeners)
        {
            await listener.SessionLoggedAsync(relationship.Id, ct);
        }
    }

    /// <summary>
    /// Starts a relationship that a coordinator arranged rather than one the mentee asked for (a programme's coach),
    /// inside the caller's transaction. It counts towards the coach's load like any other, even past their capacity:
    /// the programme engaged them for it.
    /// </summary>
    public async Task<long> StartArrangedAsync(DbConnection connection, DbTransaction tx, long mentorId, long menteeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MentoringSql.InsertRelationship + db.Dialect.SelectInsertedId,
            new { RequestId = (long?)null, MentorId = mentorId, MenteeId = menteeId, Now = now }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.CountArrangedPlace, new { MentorId = mentorId, Now = now }, tx, cancellationToken: ct));
        return id;
    }

    /// <summary>Saves, re-shares or (when empty) deletes the author's own note on a session of this relationship.</summary>
    public async Task<bool> SaveNoteAsync(long relationshipId, long sessionId, long authorId, string? body, bool share, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(MentoringSql.SelectSessionInRelationship,
            new { SessionId = sessionId, RelationshipId = relationshipId }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            await connection.ExecuteAsync(new CommandDefinition(MentoringSql.DeleteNote, new { SessionId = sessionId, AuthorId = authorId }, tx, cancellationToken: ct));
        }
        else
        {
            var args = new { SessionId = sessionId, AuthorId = authorId, Body = body.Trim(), IsShared = share, Now = now };
            if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.UpdateNote, args, tx, cancellationToken: ct)) == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertNote, args, tx, cancellationToken: ct));
            }
        }
        await tx.CommitAsync(ct);
        return true;
    }

    // The fit check, the agreed end and ending

    public async Task AnswerFitAsync(Relationship relationship, long memberId, string answer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync(new CommandDefinition(relationship.IsMentor(memberId) ? MentoringSql.SetMentorFit : MentoringSql.SetMenteeFit,
            new { relationship.Id, MemberId = memberId, Answer = answer }, tx, cancellationToken: ct));
        if (answer == "NotAFit" && relationship.FitAnswerOf(memberId) != "NotAFit")
        {
            foreach (var coordinator in await MentoringDb.CoordinatorsAsync(connection, tx, now, ct))
            {
                await outbox.EnqueueAsync(connection, tx, mail.FitConcern(coordinator), ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    public async Task SetAgreedEndAsync(long relationshipId, DateOnly? agreedEnd, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.SetAgreedEnd,
            new { Id = relationshipId, AgreedEndOn = agreedEnd is { } date ? MentoringDates.ToStored(date) : (DateTimeOffset?)null }, cancellationToken: ct));
    }

    /// <summary>Ends an active relationship as completed or ended early, frees the mentor's place and tells both and the coordinators.</summary>
    public async Task<bool> EndAsync(Relationship relationship, long memberId, string status, string? reason, string? feedback, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        if (!await EndInsideAsync(connection, tx, relationship, status, relationship.IsMentor(memberId) ? "Mentor" : "Mentee", reason, now, ct))
        {
            return false;
        }
        if (!string.IsNullOrWhiteSpace(feedback))
        {
            await connection.ExecuteAsync(new CommandDefinition(relationship.IsMentor(memberId) ? MentoringSql.SetMentorFeedback : MentoringSql.SetMenteeFeedback,
                new { relationship.Id, MemberId = memberId, Feedback = feedback.Trim() }, tx, cancellationToken: ct));
        }
        var mentor = await MentoringDb.PersonAsync(connection, tx, relationship.MentorId, ct);
        var mentee = await MentoringDb.PersonAsync(connection, tx, relationship.MenteeId, ct);
        await outbox.EnqueueAsync(connection, tx, mail.Ended(mentor, mentee.DisplayName, status, relationship.Id), ct);
        await outbox.EnqueueAsync(connection, tx, mail.Ended(mentee, mentor.DisplayName, status, relationship.Id), ct);
        foreach (var coordinator in await MentoringDb.CoordinatorsAsync(connection, tx, now, ct))
        {
            await outbox.EnqueueAsync(connection, tx, mail.EndedForCoordinator(coordinator, mentor.DisplayName, mentee.DisplayName, status), ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> GiveFeedbackAsync(Relationship relationship, long memberId, string feedback, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(relationship.IsMentor(memberId) ? MentoringSql.SetMentorFeedback : MentoringSql.SetMenteeFeedback,
            new { relationship.Id, MemberId = memberId, Feedback = feedback.Trim() }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// A coordinator's kind response to a "not a fit" answer: closes the pair without blame, frees the place, and
    /// invites the mentee to ask again with their earlier answers filled in.
    /// </summary>
    public async Task<bool> OfferNewMatchAsync(long relationshipId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var relationship = await connection.QuerySingleOrDefaultAsync<Relationship>(new CommandDefinition(MentoringSql.SelectRelationshipById, new { Id = relationshipId }, tx, cancellationToken: ct));
        if (relationship is null || !relationship.HasFitConcern
            || await connection.ExecuteAsync(new CommandDefinition(MentoringSql.HandleFitConcern, new { Id = relationshipId, Now = now }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        await EndInsideAsync(connection, tx, relationship, RelationshipStatus.EndedEarly, "Coordinator", "NotAFit", now, ct);
        var mentor = await MentoringDb.PersonAsync(connection, tx, relationship.MentorId, ct);
        var mentee = await MentoringDb.PersonAsync(connection, tx, relationship.MenteeId, ct);
        await outbox.EnqueueAsync(connection, tx, mail.NewMatchOffered(mentee, mentor.DisplayName), ct);
        await outbox.EnqueueAsync(connection, tx, mail.MatchClosedForMentor(mentor, mentee.DisplayName), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Suggests a planned closing session to both, once, <see cref="MentoringOptions.ClosingSessionDays"/> before the agreed end.</summary>
    public async Task<int> SuggestClosingSessionsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = MentoringDates.ToStored(MentoringDates.Today(clock).AddDays(options.Value.ClosingSessionDays));
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<long>(new CommandDefinition(MentoringSql.SelectDueClosingSuggestions, new { Horizon = horizon }, cancellationToken: ct))).ToList();
        var sent = 0;
        foreach (var id in due)
        {
            await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
            if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.ClaimClosingSuggestion, new { Id = id, Now = now, Horizon = horizon }, tx, cancellationToken: ct)) == 1)
            {
                var relationship = await connection.QuerySingleAsync<Relationship>(new CommandDefinition(MentoringSql.SelectRelationshipById, new { Id = id }, tx, cancellationToken: ct));
                var mentor = await MentoringDb.PersonAsync(connection, tx, relationship.MentorId, ct);
                var mentee = await MentoringDb.PersonAsync(connection, tx, relationship.MenteeId, ct);
                await outbox.EnqueueAsync(connection, tx, mail.ClosingSession(mentor, mentee.DisplayName, relationship.AgreedEndOn!.Value, id), ct);
                await outbox.EnqueueAsync(connection, tx, mail.ClosingSession(mentee, mentor.DisplayName, relationship.AgreedEndOn!.Value, id), ct);
                sent++;
            }
            await tx.CommitAsync(ct);
        }
        return sent;
    }

    // Messages

    /// <summary>One page of messages before <paramref name="beforeSeq"/>, returned oldest first.</summary>
    public async Task<IReadOnlyList<PairMessage>> MessagesAsync(long relationshipId, long beforeSeq, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var page = await connection.QueryAsync<PairMessage>(new CommandDefinition(db.Dialect.Limit(MentoringSql.SelectMessages),
            new { RelationshipId = relationshipId, BeforeSeq = beforeSeq, Take = MessagePageSize }, cancellationToken: ct));
        return page.Reverse().ToList();
    }

    /// <summary>Up to <see cref="CatchUpSize"/> messages after <paramref name="afterSeq"/>, in order: what a reconnecting browser missed.</summary>
    public async Task<IReadOnlyList<PairMessage>> MessagesAfterAsync(long relationshipId, long afterSeq, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PairMessage>(new CommandDefinition(db.Dialect.Limit(MentoringSql.SelectMessagesAfter),
            new { RelationshipId = relationshipId, AfterSeq = afterSeq, Take = CatchUpSize }, cancellationToken: ct))).ToList();
    }

    /// <summary>Records that <paramref name="memberId"/> has seen the pair's messages up to <paramref name="seq"/>.</summary>
    public async Task MarkReadAsync(long relationshipId, long memberId, long seq, CancellationToken ct)
    {
        var args = new { RelationshipId = relationshipId, MemberId = memberId, Seq = seq, Now = clock.GetUtcNow() };
        await using var connection = await db.OpenAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.AdvanceRead, args, cancellationToken: ct)) == 0)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertRead, args, cancellationToken: ct));
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                // Two pages marked it at once; the other's mark stands, and the next read moves it on.
            }
        }
    }

    /// <summary>Unread messages from the other person, by relationship; pairs with none are absent.</summary>
    public async Task<IReadOnlyDictionary<long, int>> UnreadCountsAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<(long RelationshipId, int Unread)>(new CommandDefinition(MentoringSql.SelectUnreadCounts,
            new { MemberId = memberId }, cancellationToken: ct))).ToDictionary(r => r.RelationshipId, r => r.Unread);
    }

    /// <summary>
    /// Stores a message with the pair's next sequence number, once per (relationship, sender, client id): a retry
    /// returns the stored message with Created false. Null when the sender is not one of an active pair.
    /// </summary>
    public async Task<(PairMessage? Message, bool Created)> SendMessageAsync(long relationshipId, long senderId, string clientMessageId, string body, CancellationToken ct)
    {
        var key = new { RelationshipId = relationshipId, SenderId = senderId, ClientMessageId = clientMessageId };
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
            if (await connection.QuerySingleOrDefaultAsync<PairMessage>(new CommandDefinition(MentoringSql.SelectMessageByClientId, key, tx, cancellationToken: ct)) is { } existing)
            {
                return (existing, false);
            }
            if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.NextMessageSeq, key, tx, cancellationToken: ct)) == 0)
            {
                return (null, false);
            }
            var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MentoringSql.SelectLastMessageSeq, key, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertMessage, new
            {
                RelationshipId = relationshipId, SenderId = senderId, Seq = seq, ClientMessageId = clientMessageId, Body = body, Now = clock.GetUtcNow(),
            }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // The same send arrived twice at once (SQL Server): the other one stored it.
            return (await connection.QuerySingleAsync<PairMessage>(new CommandDefinition(MentoringSql.SelectMessageByClientId, key, cancellationToken: ct)), false);
        }
        return (await connection.QuerySingleAsync<PairMessage>(new CommandDefinition(MentoringSql.SelectMessageByClientId, key, cancellationToken: ct)), true);
    }

    private static async Task<bool> EndInsideAsync(DbConnection connection, DbTransaction tx, Relationship relationship, string status, string endedBy, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.EndRelationship,
            new { relationship.Id, Status = status, Now = now, EndedBy = endedBy, EndReason = reason }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.FreePlace, new { relationship.MentorId, Now = now }, tx, cancellationToken: ct));
        return true;
    }
}
