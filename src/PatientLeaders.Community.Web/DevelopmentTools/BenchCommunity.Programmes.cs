using System.Globalization;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>
/// The Centre's programmes and the pool of patient leaders, through the site's own INSERT constants: published
/// programmes with cohorts of a facilitator, five sessions and twelve accepted participants (the benchmark member in
/// the first), and verified organisations whose approved opportunities close in the far future (open, whatever the
/// day of the run) or closed long ago.
/// </summary>
public sealed partial class BenchCommunity
{
    private const int Participants = 12;

    private static readonly DateTimeOffset FarFuture = new(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private string Programmes(int programmes, int cohortsEach)
    {
        Begin();
        var programme = Prepare(ProgrammesSql.InsertProgramme, "Slug", "Title", "Kind", "Summary", "Aims", "WhoFor", "IsPublished", "MinSessions", "MinCoachingCalls", "Now");
        var cohort = Prepare(ProgrammesSql.InsertCohort, "ProgrammeId", "Title", "Mode", "Venue", "Places", "PartnerName", "TimeZone", "StartsAt", "EndsAt", "SetId",
            "RunAbroad", "ReservedForPartner", "PartnerCode", "Now");
        var facilitator = Prepare(ProgrammesSql.InsertFacilitator, "CohortId", "MemberId");
        var session = Prepare(ProgrammesSql.InsertSession, "CohortId", "Position", "Kind", "Title", "StartsAt", "DurationMinutes", "MeetingId");
        var application = Prepare(ProgrammesSql.InsertApplication, "CohortId", "MemberId", "Why", "Change", "AccessNeeds", "TakingPartAs", "Organisation", "Now");
        var accept = Prepare("UPDATE CohortApplications SET Status = @Status, DecidedAt = @Now WHERE Id = @Id", "Status", "Now", "Id");
        var kinds = ProgrammeVocabulary.Kinds.Select(k => k.Code).ToList();
        long? memberCohort = null;
        for (var p = 1; p <= programmes; p++)
        {
            var created = Epoch.AddDays(random.Next(0, 300));
            Run(programme, $"programme-{p}", $"{BenchText.Title(random)} programme {p}", kinds[p % kinds.Count], BenchText.Sentence(random, 20),
                BenchText.Sentence(random, 40), BenchText.Sentence(random, 15), true, 4, 1, created);
            var programmeId = LastId();
            for (var c = 1; c <= cohortsEach; c++)
            {
                var starts = created.AddDays(30 * c).AddHours(10);
                Run(cohort, programmeId, $"Cohort {c}", c % 2 == 0 ? "Online" : "Both", c % 2 == 0 ? "" : "Community Centre, 1 Example Street (step-free entrance)",
                    Participants, "", MeetingTimes.DefaultZone, starts, starts.AddDays(28).AddHours(3), null, false, false, null, created);
                var cohortId = LastId();
                memberCohort ??= cohortId;
                Run(facilitator, cohortId, AnyMember());
                string[] sessionKinds = ["Workshop", "ActionLearning", "Workshop", "ActionLearning", "Coaching"];
                for (var s = 0; s < sessionKinds.Length; s++)
                {
                    Run(session, cohortId, s + 1, sessionKinds[s], sessionKinds[s] == "ActionLearning" ? "" : BenchText.Title(random), starts.AddDays(7 * s),
                        sessionKinds[s] == "Coaching" ? 60 : 180, null);
                }
                var chosen = new HashSet<long>();
                if (cohortId == memberCohort)
                {
                    chosen.Add(memberIds[0]);
                }
                while (chosen.Count < Participants)
                {
                    chosen.Add(AnyMember());
                }
                foreach (var member in chosen)
                {
                    Run(application, cohortId, member, BenchText.Sentence(random, 15), BenchText.Sentence(random, 10), "", ProgrammeVocabulary.PatientLeader, "", created);
                    Run(accept, ApplicationStatus.Accepted, created.AddDays(7), LastId());
                }
            }
        }
        Commit();
        return $"cohort={memberCohort} participants={Participants}\n";
    }

    private void Involvement(int organisations, int poolMembers, int open, int closed)
    {
        Begin();
        var organisation = Prepare(InvolvementSql.InsertOrganisation, "Slug", "Name", "Kind", "About", "Website", "Now");
        var verify = Prepare("UPDATE Organisations SET VerifiedAt = @Now WHERE Id = @Id", "Now", "Id");
        var pool = Prepare(InvolvementSql.InsertPoolProfile, "MemberId", "Kinds", "Skills", "RolesHeld", "Region", "Remote", "Telephone", "Availability", "Themes",
            "PrivateThemes", "AccessNeeds", "Payment", "Now");
        var opportunity = Prepare(InvolvementSql.InsertOpportunity, "OrganisationId", "Title", "Kind", "Difference", "TimeCommitment", "StartsOn", "EndsOn", "Place",
            "Venue", "Region", "PaymentLevel", "HourlyRatePence", "Expenses", "Support", "ExperienceSought", "Themes", "PeopleWanted", "ClosesOn", "ContactName",
            "ContactEmail", "Status", "CreatedById", "Now");
        var kinds = InvolvementVocabulary.Kinds.Items.Select(k => k.Code).ToList();
        var organisationKinds = InvolvementVocabulary.OrganisationKinds.Items.Select(k => k.Code).ToList();
        var regions = MentoringVocabulary.Regions.Items.Select(k => k.Code).ToList();
        var themes = MentoringVocabulary.Themes.Items.Select(k => k.Code).ToList();
        var payments = InvolvementVocabulary.PaymentChoices.Items.Select(k => k.Code).ToList();
        var levels = InvolvementVocabulary.PaymentLevels.Items.Select(k => k.Code).ToList();
        var places = InvolvementVocabulary.Places.Items.Select(k => k.Code).ToList();
        var organisationIds = new List<long>();
        for (var o = 1; o <= organisations; o++)
        {
            var created = Epoch.AddDays(random.Next(0, 300));
            Run(organisation, $"organisation-{o}", $"{Pick(BenchText.Regions)} {organisationKinds[o % organisationKinds.Count]} {o}", organisationKinds[o % organisationKinds.Count],
                BenchText.Sentence(random, 25), "https://example.org/" + o.ToString(CultureInfo.InvariantCulture), created);
            organisationIds.Add(LastId());
            Run(verify, created.AddDays(2), organisationIds[^1]);
        }
        string Some(List<string> codes) => string.Join(',', codes.Where(_ => random.Next(3) == 0).DefaultIfEmpty(codes[0]));
        var leaders = new HashSet<long> { memberIds[0] };
        while (leaders.Count < Math.Min(poolMembers, memberIds.Count))
        {
            leaders.Add(AnyMember());
        }
        foreach (var leader in leaders)
        {
            Run(pool, leader, Some(kinds), BenchText.Sentence(random, 6), BenchText.Sentence(random, 6), Pick(regions), random.Next(2) == 0, random.Next(2) == 0,
                "Weekday mornings", Some(themes), "", "", Pick(payments), Epoch.AddDays(random.Next(0, 300)));
        }
        for (var i = 0; i < open + closed; i++)
        {
            var isOpen = i < open;
            var closes = isOpen ? FarFuture.AddDays(random.Next(0, 60)) : Epoch.AddDays(random.Next(0, 300));
            Run(opportunity, Pick(organisationIds), $"{BenchText.Title(random)} ({kinds[i % kinds.Count]})", kinds[i % kinds.Count], BenchText.Sentence(random, 30),
                "Four two-hour meetings, with an hour's reading before each", closes.AddDays(14), closes.AddDays(74), Pick(places), "", Pick(regions), Pick(levels),
                2_500, "Travel, carer or personal assistant costs", "A named contact and a briefing call", BenchText.Sentence(random, 12), Some(themes),
                random.Next(1, 4), closes, "A contact", "contact@example.invalid", OpportunityStatus.Approved, null, closes.AddDays(-30));
        }
        Commit();
    }
}
