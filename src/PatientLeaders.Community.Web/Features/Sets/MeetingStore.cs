using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>Scheduling meetings, their invitations and reminders, attendance and timings.</summary>
public sealed class MeetingStore(
    DbConnectionFactory db,
    MailOutbox outbox,
    TimeProvider clock,
    IOptions<AccountOptions> site,
    IOptions<MailOptions> mail,
    IOptions<SetsOptions> options,
    IStringLocalizer<SharedResource> localizer)
{
    private readonly string selectDueReminders = db.Dialect.Limit(SetsSql.SelectDueReminders);

    /// <summary>Stores the meeting and queues an invitation with an .ics to every member and the facilitator, in one transaction.</summary>
    public async Task<long> ScheduleAsync(long setId, DateTimeOffset startsAt, int durationMinutes, string timeZone, CallDetails call, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // A meeting arranged inside the reminder window already has its invitation fresh in the inbox.
        var withinReminderWindow = startsAt - now <= TimeSpan.FromHours(options.Value.ReminderHoursBefore);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SetsSql.InsertMeeting + db.Dialect.SelectInsertedId, new
        {
            SetId = setId, StartsAt = startsAt, DurationMinutes = durationMinutes, TimeZone = timeZone, CreatedAt = now,
            ReminderQueuedAt = withinReminderWindow ? now : (DateTimeOffset?)null,
            CallLink = call.Link, DialIn = call.DialIn,
        }, tx, cancellationToken: ct));
        await QueueMailAsync(connection, tx, id, reminder: false, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// Queues reminders for meetings starting within the reminder window. Each meeting is claimed with a
    /// conditional UPDATE inside the same transaction as its mail, so a reminder is queued once, however many
    /// times or places this runs.
    /// </summary>
    public async Task<int> QueueDueRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<long>(new CommandDefinition(selectDueReminders,
            new { Now = now, Horizon = now.AddHours(options.Value.ReminderHoursBefore), Take = 50 }, cancellationToken: ct))).AsList();
        var queued = 0;
        foreach (var id in due)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (await connection.ExecuteAsync(new CommandDefinition(SetsSql.ClaimReminder, new { Id = id, Now = now }, tx, cancellationToken: ct)) != 1)
            {
                continue;
            }
            await QueueMailAsync(connection, tx, id, reminder: true, ct);
            await tx.CommitAsync(ct);
            queued++;
        }
        return queued;
    }

    private async Task QueueMailAsync(DbConnection connection, DbTransaction tx, long meetingId, bool reminder, CancellationToken ct)
    {
        var meeting = await connection.QuerySingleAsync<MeetingMailView>(new CommandDefinition(SetsSql.SelectMeetingForMail, new { Id = meetingId }, tx, cancellationToken: ct));
        var recipients = await connection.QueryAsync<Recipient>(new CommandDefinition(SetsSql.SelectRecipients, new { meeting.SetId }, tx, cancellationToken: ct));
        var baseUrl = site.Value.BaseUrl.TrimEnd('/');
        var roomUrl = $"{baseUrl}/sets/{meeting.SetId}/room";
        var host = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.Host : "localhost";
        var utc = meeting.StartsAt.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
        foreach (var recipient in recipients)
        {
            // Written in the recipient's saved language, whoever scheduled the meeting or whichever job sends the reminder.
            var message = SiteCultures.In(recipient.Language, () =>
            {
                var subject = reminder ? localizer["Reminder: your action learning set meets tomorrow"].Value : localizer["Invitation: action learning set meeting"].Value;
                var body = (reminder ? localizer["A reminder that your action learning set meets soon."].Value : localizer["Your action learning set has a new meeting."].Value) + "\n\n"
                    + localizer["Set: {0}", meeting.SetName].Value + "\n"
                    + localizer["When: {0} ({1})", MeetingSummary.TimeInText(meeting.StartsAt, meeting.TimeZone), utc].Value + "\n"
                    + localizer.Plural(meeting.DurationMinutes, "Length: {0} minutes") + "\n\n"
                    + localizer["Join the room: {0}", roomUrl].Value + "\n"
                    + (CallDetails.IsSafeLink(meeting.CallLink) ? localizer["Or join by video call: {0}", meeting.CallLink].Value + "\n" : "")
                    + (meeting.DialIn.Length > 0 ? localizer["Or join by phone: {0}", meeting.DialIn].Value + "\n" : "")
                    + "\n"
                    + (reminder ? "" : localizer["The attached invitation adds the meeting to your calendar."].Value + "\n\n")
                    + localizer["You can ask for a break at any time during the meeting, without giving a reason."].Value + "\n";
                var calendar = reminder ? null
                    : MeetingCalendar.Invitation(meeting, roomUrl, host, mail.Value.FromAddress, recipient.Email, recipient.DisplayName, clock.GetUtcNow(), localizer);
                return new OutgoingMail(recipient.Email, recipient.DisplayName, subject, body, recipient.Id, calendar);
            });
            await outbox.EnqueueAsync(connection, tx, message, ct);
        }
    }

    /// <summary>Moves a meeting that has not begun (a programme's session changed date); false if it has begun.</summary>
    public async Task<bool> MoveAsync(long setId, long meetingId, DateTimeOffset startsAt, int durationMinutes, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(SetsSql.MoveMeeting,
            new { Id = meetingId, SetId = setId, StartsAt = startsAt, DurationMinutes = durationMinutes }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<MeetingRow>> MeetingsAsync(long setId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<MeetingRow>(new CommandDefinition(SetsSql.SelectMeetings, new { SetId = setId }, cancellationToken: ct))).AsList();
    }

    public async Task<MeetingRow?> FindAsync(long setId, long meetingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(SetsSql.SelectMeeting, new { SetId = setId, MeetingId = meetingId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<AttendanceRow>> AttendanceAsync(long meetingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AttendanceRow>(new CommandDefinition(SetsSql.SelectAttendance, new { MeetingId = meetingId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<AttendanceCount>> AttendanceCountsAsync(long setId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AttendanceCount>(new CommandDefinition(SetsSql.SelectAttendanceCounts, new { SetId = setId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<PhaseLogRow>> PhaseLogAsync(long meetingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PhaseLogRow>(new CommandDefinition(SetsSql.SelectPhaseLog, new { MeetingId = meetingId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ActionView>> ActionsOfMeetingAsync(long meetingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ActionView>(new CommandDefinition(SetsSql.SelectActionsOfMeeting, new { MeetingId = meetingId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ActionView>> ActionsReviewedInAsync(long meetingId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ActionView>(new CommandDefinition(SetsSql.SelectActionsReviewedIn, new { MeetingId = meetingId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ActionView>> ActionsOfSetAsync(long setId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ActionView>(new CommandDefinition(SetsSql.SelectActionsOfSet, new { SetId = setId }, cancellationToken: ct))).AsList();
    }
}
