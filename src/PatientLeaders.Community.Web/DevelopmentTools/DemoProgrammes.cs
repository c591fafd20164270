using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>
/// The demo's learning programme, made through the site's own stores: "The Effective Patient Leader (demo)" with an
/// alumni cohort that ended three months ago (its participant completed, with a certificate and the alumni area) and
/// a running cohort half-way through, with a register kept, a coach assigned and one person on the waiting list.
/// </summary>
public static class DemoProgrammes
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, long> ids, CancellationToken ct)
    {
        var programmes = services.GetRequiredService<ProgrammeStore>();
        var applications = services.GetRequiredService<ApplicationStore>();
        var participation = services.GetRequiredService<ParticipationStore>();
        var mentoring = services.GetRequiredService<MentoringStore>();
        var relationships = services.GetRequiredService<RelationshipStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = MentoringDates.Today(clock);
        var now = clock.GetUtcNow();
        await mentoring.AddAccreditationAsync(ids["demo-facilitator"], "Facilitator", today.AddYears(-1), today.AddYears(2), ct);

        var slug = await programmes.CreateProgrammeAsync(new NewProgramme("The Effective Patient Leader (demo)", "Leadership",
            "Five sessions for people who want to use their lived experience to change health and care services.",
            """
            - Tell your story with purpose, and know when not to
            - Understand how decisions are made, and who makes them
            - Influence through relationships, not only meetings
            - Look after yourself in the role

            Five sessions: two skills workshops, two action learning meetings and a telephone coaching call.
            """,
            "Anyone living with a long-term condition, disability or mental-health problem, or caring for someone who does, who wants to lead change. No experience needed.",
            IsPublished: true, MinSessions: 4, MinCoachingCalls: 1), ct);
        var programme = (await programmes.FindProgrammeAsync(slug, ct))!;

        static List<NewSession> Sessions(DateTimeOffset first) =>
        [
            new("Workshop", "Telling your story with purpose", first, 180),
            new("ActionLearning", "", first.AddDays(7), 180),
            new("Workshop", "How decisions are made", first.AddDays(14), 180),
            new("ActionLearning", "", first.AddDays(21), 180),
            new("Coaching", "Group coaching call", first.AddDays(28), 60),
        ];
        DateTimeOffset At(int days) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(days).AddHours(10);

        // The alumni cohort: ended three months ago; Priya completed it.
        var alumniId = await programmes.CreateCohortAsync(new NewCohort(programme.Id, "Winter (demo)", "Online", "", 8, "", MeetingTimes.DefaultZone,
            [ids["demo-facilitator"]], Sessions(At(-120))), "The Effective Patient Leader (demo): Winter", CreateModel.DefaultGroundRules, ct);
        var alumni = (await programmes.FindCohortAsync(alumniId, ct))!;
        var priya = await EnrolAsync(applications, alumni, ids["demo-mentor-priya"], ct);
        var coach = new ProgrammePerson { Id = ids["demo-mentor-rhys"], DisplayName = "Rhys Mentor (demo)", Email = "demo-mentor-rhys@example.invalid" };
        await participation.AssignCoachAsync(alumni, (await applications.FindAsync(priya, ct))!, coach, ct);
        var sessions = await programmes.SessionsAsync(alumniId, ct);
        await participation.SaveRegisterAsync(alumni, sessions.ToDictionary(s => (s.Id, ids["demo-mentor-priya"]), _ => (string?)CompletionRules.Present), ct);
        var coaching = (await applications.FindAsync(priya, ct))!.CoachRelationshipId!.Value;
        var pair = (await relationships.FindForMemberAsync(coaching, ids["demo-mentor-rhys"], ct))!;
        await relationships.LogSessionAsync(pair, ids["demo-mentor-rhys"], new SessionEdit(today.AddDays(-95), MentoringVocabulary.Telephone, 40, null, false), ct);

        // The running cohort: two sessions held, three to come; Sam and Tom have places, Nia is waiting.
        var runningId = await programmes.CreateCohortAsync(new NewCohort(programme.Id, "Spring (demo)", "Both", "Demo Community Centre, 1 Example Street (step-free entrance)",
            2, "", MeetingTimes.DefaultZone, [ids["demo-facilitator"]], Sessions(At(-10))), "The Effective Patient Leader (demo): Spring", CreateModel.DefaultGroundRules, ct);
        var running = (await programmes.FindCohortAsync(runningId, ct))!;
        var sam = await EnrolAsync(applications, running, ids["demo-member"], ct, "Please send slides in large print (demo).");
        await EnrolAsync(applications, running, ids["demo-mentee"], ct);
        await applications.ApplyAsync(running, ids["demo-mentee-nia"], new ApplicationInput("To learn from others (demo).", "Peer support in my area (demo).", ""), ct);
        var nia = (await applications.FindOfAsync(runningId, ids["demo-mentee-nia"], ct))!;
        await applications.WaitlistAsync(running, nia.Id, ct);
        await participation.AssignCoachAsync(running, (await applications.FindAsync(sam, ct))!, coach, ct);
        var held = (await programmes.SessionsAsync(runningId, ct)).Where(s => s.StartsAt <= now).ToList();
        var marks = new Dictionary<(long, long), string?>();
        foreach (var session in held)
        {
            marks[(session.Id, ids["demo-member"])] = CompletionRules.Present;
            marks[(session.Id, ids["demo-mentee"])] = session == held[^1] ? CompletionRules.Excused : CompletionRules.Present;
        }
        await participation.SaveRegisterAsync(running, marks, ct);
        Console.WriteLine("Created demo programme: an alumni cohort with a certificate, and a running cohort with a register, a coach and a waiting list.");
    }

    private static async Task<long> EnrolAsync(ApplicationStore applications, CohortView cohort, long memberId, CancellationToken ct, string accessNeeds = "")
    {
        await applications.ApplyAsync(cohort, memberId, new ApplicationInput("To lead change from my own experience (demo).", "How services listen (demo).", accessNeeds), ct);
        var application = (await applications.FindOfAsync(cohort.Id, memberId, ct))!;
        await applications.OfferAsync(cohort, application.Id, ct);
        await applications.AcceptAsync(cohort, application.Id, memberId, ct);
        return application.Id;
    }
}
