using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Mentor offers, accreditations and requests, from asking to answering. Every change that tells someone writes its
/// mail in the same transaction, and every open request always has someone responsible for its next step.
/// </summary>
public sealed class MentoringStore(DbConnectionFactory db, MailOutbox outbox, MentoringMail mail, IOptions<MentoringOptions> options, TimeProvider clock)
{
    // Offers

    public async Task<MentorOffer?> OfferAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<MentorOffer>(new CommandDefinition(MentoringSql.SelectOffer, new { MemberId = memberId }, cancellationToken: ct));
    }

    /// <summary>Themes are published only with consent. Pausing passes any waiting requests straight on.</summary>
    public async Task SaveOfferAsync(long memberId, OfferEdit edit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var existing = await connection.QuerySingleOrDefaultAsync<MentorOffer>(new CommandDefinition(MentoringSql.SelectOffer, new { MemberId = memberId }, tx, cancellationToken: ct));
        var themes = edit.ThemesConsent ? Vocabulary.Join(edit.Themes) : "";
        var args = new
        {
            MemberId = memberId, edit.Summary, FocusAreas = Vocabulary.Join(edit.FocusAreas), Themes = themes,
            ThemesConsentAt = themes.Length == 0 ? (DateTimeOffset?)null : existing?.ThemesConsentAt ?? now,
            edit.Languages, edit.Region, Formats = Vocabulary.Join(edit.Formats), Paces = Vocabulary.Join(edit.Paces),
            edit.Availability, edit.Capacity, edit.IsPaused, Now = now,
        };
        if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.UpdateOffer, args, tx, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertOffer, args, tx, cancellationToken: ct));
        }
        if (edit.IsPaused)
        {
            await DeclineAllPendingAsync(connection, tx, memberId, null, now, ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<bool> SetPausedAsync(long memberId, bool paused, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.SetPaused, new { MemberId = memberId, IsPaused = paused, Now = now }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        if (paused)
        {
            await DeclineAllPendingAsync(connection, tx, memberId, null, now, ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The mentor pool as matching sees it: published offers, load, and whether accreditation is current today.</summary>
    public async Task<IReadOnlyList<MentorCandidate>> CandidatesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = MentoringDates.ToStored(MentoringDates.Today(clock));
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<CandidateRow>(new CommandDefinition(MentoringSql.SelectCandidates, new { Now = now }, cancellationToken: ct));
        return rows.Select(r => new MentorCandidate
        {
            MentorId = r.MentorId, DisplayName = r.DisplayName, Handle = r.Handle, Summary = r.Summary,
            FocusAreas = MentoringVocabulary.FocusAreas.Clean(Vocabulary.Split(r.FocusAreas)),
            Themes = r.ThemesConsentAt is null ? [] : MentoringVocabulary.Themes.Clean(Vocabulary.Split(r.Themes)),
            Languages = MentoringVocabulary.SplitLanguages(r.Languages), Region = r.Region,
            Formats = MentoringVocabulary.Formats.Clean(Vocabulary.Split(r.Formats)),
            Paces = MentoringVocabulary.Paces.Clean(Vocabulary.Split(r.Paces)), Availability = r.Availability,
            Capacity = r.Capacity, ActiveCount = r.ActiveCount, PendingCount = r.PendingCount, IsPaused = r.IsPaused,
            IsAccredited = r.AccreditedUntil is { } until && until >= today,
        }).ToList();
    }

    // Accreditations

    public async Task<PersonRow?> MentorAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(MentoringSql.SelectMentorMember, new { MemberId = memberId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Accreditation>> AccreditationsAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Accreditation>(new CommandDefinition(MentoringSql.SelectAccreditations, new { MemberId = memberId }, cancellationToken: ct))).ToList();
    }

    public async Task AddAccreditationAsync(long memberId, string kind, DateOnly gainedOn, DateOnly expiresOn, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertAccreditation, new
        {
            MemberId = memberId, Kind = kind, GainedOn = MentoringDates.ToStored(gainedOn), ExpiresOn = MentoringDates.ToStored(expiresOn), Now = clock.GetUtcNow(),
        }, cancellationToken: ct));
    }

    public async Task<bool> RenewAccreditationAsync(long id, long memberId, DateOnly expiresOn, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(MentoringSql.RenewAccreditation, new
        {
            Id = id, MemberId = memberId, ExpiresOn = MentoringDates.ToStored(expiresOn), Now = clock.GetUtcNow(),
        }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> DeleteAccreditationAsync(long id, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(MentoringSql.DeleteAccreditation, new { Id = id, MemberId = memberId }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// One mail per coordinator for each accreditation entering the notice window, once: the row is claimed with a
    /// conditional UPDATE in the same transaction as the mail, so repeated or concurrent runs never send twice.
    /// </summary>
    public async Task<int> SendExpiryNoticesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = MentoringDates.ToStored(MentoringDates.Today(clock).AddDays(options.Value.AccreditationNoticeDays));
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<Accreditation>(new CommandDefinition(MentoringSql.SelectExpiringAccreditations, new { Horizon = horizon }, cancellationToken: ct))).ToList();
        var sent = 0;
        foreach (var accreditation in due)
        {
            await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
            if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.ClaimExpiryNotice, new { accreditation.Id, Now = now, Horizon = horizon }, tx, cancellationToken: ct)) == 1)
            {
                foreach (var coordinator in await MentoringDb.CoordinatorsAsync(connection, tx, now, ct))
                {
                    await outbox.EnqueueAsync(connection, tx, mail.AccreditationExpiring(coordinator, accreditation.MentorName,
                        MentoringVocabulary.AccreditationKinds.Label(accreditation.Kind), accreditation.MemberId, accreditation.ExpiresOn), ct);
                }
                sent++;
            }
            await tx.CommitAsync(ct);
        }
        return sent;
    }

    // Requests

    public async Task<long> CreateRequestAsync(long menteeId, RequestEdit edit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var themes = edit.ThemesConsent ? Vocabulary.Join(edit.Themes) : "";
        var privateThemes = edit.ThemesConsent ? Vocabulary.Join(edit.PrivateThemes.Except(edit.Themes)) : "";
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(MentoringSql.InsertRequest + db.Dialect.SelectInsertedId, new
        {
            MenteeId = menteeId, edit.Goals, FocusAreas = Vocabulary.Join(edit.FocusAreas), Themes = themes, PrivateThemes = privateThemes,
            ThemesConsentAt = themes.Length + privateThemes.Length == 0 ? (DateTimeOffset?)null : now,
            edit.Language, edit.LanguageRequired, edit.Format, edit.FormatRequired, edit.Region, edit.Pace, Now = now,
        }, cancellationToken: ct));
    }

    public async Task<MentoringRequest?> RequestAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await RequestAsync(connection, null, id, ct);
    }

    public async Task<IReadOnlyList<MentoringRequest>> RequestsOfMenteeAsync(long menteeId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var requests = (await connection.QueryAsync<MentoringRequest>(new CommandDefinition(MentoringSql.SelectRequestsOfMentee, new { MenteeId = menteeId }, cancellationToken: ct))).ToList();
        await AttachChoicesAsync(connection, null, requests, ct);
        return requests;
    }

    public async Task<IReadOnlyList<MentoringRequest>> OpenRequestsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var requests = (await connection.QueryAsync<MentoringRequest>(new CommandDefinition(MentoringSql.SelectOpenRequests, cancellationToken: ct))).ToList();
        await AttachChoicesAsync(connection, null, requests, ct);
        return requests;
    }

    public async Task<IReadOnlyList<RequestChoice>> PendingForMentorAsync(long mentorId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<RequestChoice>(new CommandDefinition(MentoringSql.SelectChoicesForMentor, new { MentorId = mentorId }, cancellationToken: ct))).ToList();
    }

    /// <summary>The request as matching reads it, leaving out mentors already asked this time or already mentoring this person.</summary>
    public async Task<MenteePreferences> PreferencesAsync(MentoringRequest request, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var current = await connection.QueryAsync<long>(new CommandDefinition(MentoringSql.SelectActiveMentorsOfMentee, new { request.MenteeId }, cancellationToken: ct));
        return new MenteePreferences
        {
            MenteeId = request.MenteeId,
            FocusAreas = MentoringVocabulary.FocusAreas.Clean(Vocabulary.Split(request.FocusAreas)),
            Themes = MentoringVocabulary.Themes.Clean(Vocabulary.Split(request.Themes)),
            PrivateThemes = MentoringVocabulary.Themes.Clean(Vocabulary.Split(request.PrivateThemes)),
            Language = request.Language, LanguageRequired = request.LanguageRequired,
            Format = request.Format, FormatRequired = request.FormatRequired, Region = request.Region, Pace = request.Pace,
            ExcludedMentors = request.Choices.Select(c => c.MentorId).Concat(current).ToHashSet(),
        };
    }

    /// <summary>Asks the chosen mentors: all at once, or the first now and the rest in order if one cannot.</summary>
    public async Task<bool> ChooseMentorsAsync(long requestId, long menteeId, IReadOnlyList<long> mentorIds, bool allAtOnce, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var request = await RequestAsync(connection, tx, requestId, ct);
        if (request is null || request.MenteeId != menteeId || mentorIds.Count == 0
            || await MoveAsync(connection, tx, requestId, RequestStatus.Waiting, [RequestStatus.Choosing, RequestStatus.WithCoordinators], now, ct) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.SetAskAllAtOnce, new { Id = requestId, AskAllAtOnce = allAtOnce }, tx, cancellationToken: ct));
        var order = await connection.ExecuteScalarAsync<int>(new CommandDefinition(MentoringSql.SelectNextChoiceOrder, new { RequestId = requestId }, tx, cancellationToken: ct));
        for (var index = 0; index < mentorIds.Count; index++)
        {
            var sendNow = allAtOnce || index == 0;
            await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertChoice, new
            {
                RequestId = requestId, MentorId = mentorIds[index], ChoiceOrder = order + index,
                Status = sendNow ? ChoiceStatus.Pending : ChoiceStatus.Queued, SuggestedByCoordinator = false, SentAt = sendNow ? now : (DateTimeOffset?)null,
            }, tx, cancellationToken: ct));
            if (sendNow)
            {
                var mentor = await MentoringDb.PersonAsync(connection, tx, mentorIds[index], ct);
                await outbox.EnqueueAsync(connection, tx, mail.RequestToMentor(mentor, request.MenteeName, requestId, fromCoordinator: false), ct);
            }
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A coordinator's suggestion (single or from a cohort run): asks that mentor now and tells the mentee.</summary>
    public async Task<bool> SuggestMentorAsync(long requestId, long mentorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var request = await RequestAsync(connection, tx, requestId, ct);
        if (request is null || request.Choices.Any(c => c.MentorId == mentorId)
            || await MoveAsync(connection, tx, requestId, RequestStatus.Waiting, [RequestStatus.Choosing, RequestStatus.WithCoordinators], now, ct) == 0)
        {
            return false;
        }
        var order = await connection.ExecuteScalarAsync<int>(new CommandDefinition(MentoringSql.SelectNextChoiceOrder, new { RequestId = requestId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.InsertChoice, new
        {
            RequestId = requestId, MentorId = mentorId, ChoiceOrder = order, Status = ChoiceStatus.Pending, SuggestedByCoordinator = true, SentAt = now,
        }, tx, cancellationToken: ct));
        var mentor = await MentoringDb.PersonAsync(connection, tx, mentorId, ct);
        var mentee = await MentoringDb.PersonAsync(connection, tx, request.MenteeId, ct);
        await outbox.EnqueueAsync(connection, tx, mail.RequestToMentor(mentor, request.MenteeName, requestId, fromCoordinator: true), ct);
        await outbox.EnqueueAsync(connection, tx, mail.CoordinatorSuggested(mentee, mentor.DisplayName, requestId), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> AskCoordinatorsAsync(long requestId, long menteeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var request = await RequestAsync(connection, tx, requestId, ct);
        if (request is null || request.MenteeId != menteeId
            || await MoveAsync(connection, tx, requestId, RequestStatus.WithCoordinators, [RequestStatus.Choosing], now, ct) == 0)
        {
            return false;
        }
        await TellCoordinatorsAsync(connection, tx, request.MenteeName, now, ct);
        await outbox.EnqueueAsync(connection, tx, mail.WithCoordinators(await MentoringDb.PersonAsync(connection, tx, menteeId, ct), requestId), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A coordinator closes an open request kindly: mentors still asked are told it is settled, the mentee is told where to read the message.</summary>
    public async Task<bool> CloseRequestAsync(long requestId, string message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var request = await RequestAsync(connection, tx, requestId, ct);
        if (request is null
            || await connection.ExecuteAsync(new CommandDefinition(MentoringSql.CloseRequest, new { Id = requestId, Message = message, Now = now }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        await WithdrawOthersAsync(connection, tx, request, now, ct);
        await outbox.EnqueueAsync(connection, tx, mail.RequestClosed(await MentoringDb.PersonAsync(connection, tx, request.MenteeId, ct), requestId), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> WithdrawRequestAsync(long requestId, long menteeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var request = await RequestAsync(connection, tx, requestId, ct);
        if (request is null || request.MenteeId != menteeId
            || await MoveAsync(connection, tx, requestId, RequestStatus.Withdrawn, [RequestStatus.Choosing, RequestStatus.Waiting, RequestStatus.WithCoordinators], now, ct) == 0)
        {
            return false;
        }
        await WithdrawOthersAsync(connection, tx, request, now, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Accepting, all or nothing: the choice must still be pending, the request still waiting, and the mentor must
    /// have a free place — taken by a conditional UPDATE, so two accepts racing for the last place cannot both win.
    /// </summary>
    public async Task<(ResponseResult Result, long? RelationshipId)> AcceptAsync(long choiceId, long mentorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var choice = await ChoiceAsync(connection, tx, choiceId, ct);
        if (choice is null || choice.MentorId != mentorId)
        {
            return (ResponseResult.NotFound, null);
        }
        if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.ResolveChoice, new { Id = choiceId, To = ChoiceStatus.Accepted, Now = now, DeclineMessage = (string?)null }, tx, cancellationToken: ct)) == 0
            || await connection.ExecuteAsync(new CommandDefinition(MentoringSql.MatchRequest, new { Id = choice.RequestId, Now = now }, tx, cancellationToken: ct)) == 0)
        {
            await tx.RollbackAsync(ct);
            return (ResponseResult.NoLongerOpen, null);
        }
        if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.TakePlace, new { MentorId = mentorId, Now = now }, tx, cancellationToken: ct)) == 0)
        {
            await tx.RollbackAsync(ct);
            return (ResponseResult.NoRoom, null);
        }
        var request = (await RequestAsync(connection, tx, choice.RequestId, ct))!;
        await WithdrawOthersAsync(connection, tx, request, now, ct);
        var relationshipId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MentoringSql.InsertRelationship + db.Dialect.SelectInsertedId,
            new { RequestId = request.Id, MentorId = mentorId, request.MenteeId, Now = now }, tx, cancellationToken: ct));
        var mentee = await MentoringDb.PersonAsync(connection, tx, request.MenteeId, ct);
        await outbox.EnqueueAsync(connection, tx, mail.Accepted(mentee, choice.MentorName, relationshipId), ct);
        await tx.CommitAsync(ct);
        return (ResponseResult.Accepted, relationshipId);
    }

    /// <summary>Declines with an optional kind message; with <paramref name="pause"/>, also stops new requests and passes on any others waiting.</summary>
    public async Task<ResponseResult> DeclineAsync(long choiceId, long mentorId, string? message, bool pause, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
        var choice = await ChoiceAsync(connection, tx, choiceId, ct);
        if (choice is null || choice.MentorId != mentorId)
        {
            return ResponseResult.NotFound;
        }
        if (!await DeclineOneAsync(connection, tx, choice, message, now, ct))
        {
            return ResponseResult.NoLongerOpen;
        }
        if (pause)
        {
            await connection.ExecuteAsync(new CommandDefinition(MentoringSql.SetPaused, new { MemberId = mentorId, IsPaused = true, Now = now }, tx, cancellationToken: ct));
            await DeclineAllPendingAsync(connection, tx, mentorId, message, now, ct);
        }
        await tx.CommitAsync(ct);
        return ResponseResult.Declined;
    }

    /// <summary>Reminds each mentor once, <see cref="MentoringOptions.ReminderDays"/> after a request reached them.</summary>
    public async Task<int> SendRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var cutoff = now.AddDays(-settings.ReminderDays);
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<long>(new CommandDefinition(MentoringSql.SelectDueReminders, new { Cutoff = cutoff }, cancellationToken: ct))).ToList();
        var sent = 0;
        foreach (var id in due)
        {
            await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
            if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.ClaimReminder, new { Id = id, Now = now, Cutoff = cutoff }, tx, cancellationToken: ct)) == 1)
            {
                var choice = (await ChoiceAsync(connection, tx, id, ct))!;
                var request = (await RequestAsync(connection, tx, choice.RequestId, ct))!;
                var mentor = await MentoringDb.PersonAsync(connection, tx, choice.MentorId, ct);
                var daysLeft = Math.Max(1, (int)Math.Ceiling((choice.SentAt!.Value.AddDays(settings.HandOnDays) - now).TotalDays));
                await outbox.EnqueueAsync(connection, tx, mail.Reminder(mentor, request.MenteeName, request.Id, daysLeft), ct);
                sent++;
            }
            await tx.CommitAsync(ct);
        }
        return sent;
    }

    /// <summary>Moves requests nobody answered within <see cref="MentoringOptions.HandOnDays"/> to the next choice or the coordinators.</summary>
    public async Task<int> HandOnUnansweredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.HandOnDays);
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<long>(new CommandDefinition(MentoringSql.SelectDueHandOns, new { Cutoff = cutoff }, cancellationToken: ct))).ToList();
        var moved = 0;
        foreach (var id in due)
        {
            await using var tx = await MentoringDb.BeginWriteAsync(connection, ct);
            if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.TimeOutChoice, new { Id = id, Now = now, Cutoff = cutoff }, tx, cancellationToken: ct)) == 1)
            {
                var choice = (await ChoiceAsync(connection, tx, id, ct))!;
                var next = await AdvanceAsync(connection, tx, choice.RequestId, now, ct);
                var request = (await RequestAsync(connection, tx, choice.RequestId, ct))!;
                await outbox.EnqueueAsync(connection, tx, mail.PassedOnToMentor(await MentoringDb.PersonAsync(connection, tx, choice.MentorId, ct), request.MenteeName), ct);
                await outbox.EnqueueAsync(connection, tx, mail.TimedOut(await MentoringDb.PersonAsync(connection, tx, request.MenteeId, ct), choice.MentorName, next, request.Id), ct);
                moved++;
            }
            await tx.CommitAsync(ct);
        }
        return moved;
    }

    // Shared steps, inside the caller's transaction

    private async Task<bool> DeclineOneAsync(DbConnection connection, DbTransaction tx, RequestChoice choice, string? message, DateTimeOffset now, CancellationToken ct)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(MentoringSql.ResolveChoice,
            new { choice.Id, To = ChoiceStatus.Declined, Now = now, DeclineMessage = string.IsNullOrWhiteSpace(message) ? null : message.Trim() }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        var next = await AdvanceAsync(connection, tx, choice.RequestId, now, ct);
        var request = (await RequestAsync(connection, tx, choice.RequestId, ct))!;
        await outbox.EnqueueAsync(connection, tx, mail.Declined(await MentoringDb.PersonAsync(connection, tx, request.MenteeId, ct), choice.MentorName, message, next, request.Id), ct);
        return true;
    }

    private async Task DeclineAllPendingAsync(DbConnection connection, DbTransaction tx, long mentorId, string? message, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await connection.QueryAsync<long>(new CommandDefinition(MentoringSql.SelectPendingChoicesOfMentor,
            new { MentorId = mentorId }, tx, cancellationToken: ct));
        foreach (var id in pending.ToList())
        {
            await DeclineOneAsync(connection, tx, (await ChoiceAsync(connection, tx, id, ct))!, message, now, ct);
        }
    }

    /// <summary>
    /// After a choice ends without a yes: if nobody else has the request, ask the next queued mentor who still has
    /// room and is not paused; if there is none, the coordinators take it. Returns where it went.
    /// </summary>
    private async Task<HandOn> AdvanceAsync(DbConnection connection, DbTransaction tx, long requestId, DateTimeOffset now, CancellationToken ct)
    {
        var request = (await RequestAsync(connection, tx, requestId, ct))!;
        if (request.Status != RequestStatus.Waiting)
        {
            return new HandOn(request.Status, null);
        }
        if (request.Choices.Any(c => c.Status == ChoiceStatus.Pending))
        {
            return new HandOn(RequestStatus.Waiting, null);
        }
        foreach (var queued in request.Choices.Where(c => c.Status == ChoiceStatus.Queued).OrderBy(c => c.ChoiceOrder))
        {
            var offer = await connection.QuerySingleOrDefaultAsync<MentorOffer>(new CommandDefinition(MentoringSql.SelectOffer, new { MemberId = queued.MentorId }, tx, cancellationToken: ct));
            if (offer is null || offer.IsPaused || offer.ActiveCount >= offer.Capacity)
            {
                await connection.ExecuteAsync(new CommandDefinition(MentoringSql.SkipChoice, new { queued.Id, Now = now }, tx, cancellationToken: ct));
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition(MentoringSql.SendChoice, new { queued.Id, Now = now }, tx, cancellationToken: ct));
            var mentor = await MentoringDb.PersonAsync(connection, tx, queued.MentorId, ct);
            await outbox.EnqueueAsync(connection, tx, mail.RequestToMentor(mentor, request.MenteeName, requestId, queued.SuggestedByCoordinator), ct);
            return new HandOn(RequestStatus.Waiting, queued.MentorName);
        }
        await MoveAsync(connection, tx, requestId, RequestStatus.WithCoordinators, [RequestStatus.Waiting], now, ct);
        await TellCoordinatorsAsync(connection, tx, request.MenteeName, now, ct);
        return new HandOn(RequestStatus.WithCoordinators, null);
    }

    private async Task WithdrawOthersAsync(DbConnection connection, DbTransaction tx, MentoringRequest request, DateTimeOffset now, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.WithdrawOpenChoices, new { RequestId = request.Id, Now = now }, tx, cancellationToken: ct));
        foreach (var other in request.Choices.Where(c => c.Status == ChoiceStatus.Pending))
        {
            await outbox.EnqueueAsync(connection, tx, mail.NoLongerNeeded(await MentoringDb.PersonAsync(connection, tx, other.MentorId, ct), request.MenteeName), ct);
        }
    }

    private async Task TellCoordinatorsAsync(DbConnection connection, DbTransaction tx, string menteeName, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var coordinator in await MentoringDb.CoordinatorsAsync(connection, tx, now, ct))
        {
            await outbox.EnqueueAsync(connection, tx, mail.RequestNeedsCoordinator(coordinator, menteeName), ct);
        }
    }

    private static Task<int> MoveAsync(DbConnection connection, DbTransaction tx, long requestId, string to, string[] from, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(MentoringSql.MoveRequest, new { Id = requestId, To = to, From = from, Now = now }, tx, cancellationToken: ct));

    private static async Task<RequestChoice?> ChoiceAsync(DbConnection connection, DbTransaction? tx, long id, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<RequestChoice>(new CommandDefinition(MentoringSql.SelectChoice, new { Id = id }, tx, cancellationToken: ct));

    private static async Task<MentoringRequest?> RequestAsync(DbConnection connection, DbTransaction? tx, long id, CancellationToken ct)
    {
        var request = await connection.QuerySingleOrDefaultAsync<MentoringRequest>(new CommandDefinition(MentoringSql.SelectRequest, new { Id = id }, tx, cancellationToken: ct));
        if (request is not null)
        {
            await AttachChoicesAsync(connection, tx, [request], ct);
        }
        return request;
    }

    private static async Task AttachChoicesAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<MentoringRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return;
        }
        var choices = (await connection.QueryAsync<RequestChoice>(new CommandDefinition(MentoringSql.SelectChoices,
            new { RequestIds = requests.Select(r => r.Id).ToArray() }, tx, cancellationToken: ct))).ToLookup(c => c.RequestId);
        foreach (var request in requests)
        {
            request.Choices = choices[request.Id].ToList();
        }
    }
}
