using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>
/// The demo community's mentoring network, made through the site's own stores so it behaves like the real thing:
/// accredited mentors with offers (one paused), a pair matched by telephone with a session logged, a request waiting
/// for a mentor and one in the coordinators' queue. Every name says "(demo)"; every address is @example.invalid.
/// </summary>
public static class DemoMentoring
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, long> ids, CancellationToken ct)
    {
        var store = services.GetRequiredService<MentoringStore>();
        var relationships = services.GetRequiredService<RelationshipStore>();
        var today = MentoringDates.Today(services.GetRequiredService<TimeProvider>());

        async Task OfferAsync(string handle, OfferEdit offer, string kind)
        {
            await store.SaveOfferAsync(ids[handle], offer, ct);
            await store.AddAccreditationAsync(ids[handle], kind, today.AddYears(-1), today.AddYears(2), ct);
        }
        await OfferAsync("demo-mentor", new OfferEdit("Demo mentor: ten years of speaking up at commissioning meetings.",
            ["InfluencingCommissioners", "CoProduction"], ["LongTermCondition"], true, "English, Welsh", "Wales",
            ["Telephone", "Video"], ["Monthly"], "Weekday evenings (demo)", 3, false), "Mentor");
        await OfferAsync("demo-mentor-rhys", new OfferEdit("Demo mentor: sits on a trust board as a patient member.",
            ["BoardsAndCommittees", "PaidRoles"], ["MentalHealth"], true, "English", "London",
            ["Telephone"], ["Fortnightly"], "Tuesday mornings (demo)", 2, false), "Coach");
        await OfferAsync("demo-mentor-priya", new OfferEdit("Demo mentor: research involvement and peer support groups.",
            ["Research", "PeerSupport"], [], false, "English, Gujarati", "Midlands",
            ["Telephone", "Text"], ["Flexible"], "Flexible (demo)", 1, false), "Mentor");
        await OfferAsync("demo-mentor-joan", new OfferEdit("Demo mentor: campaigning and media work. Paused to show what pausing looks like.",
            ["Campaigning"], [], false, "English", "SouthWest",
            ["InPerson", "Telephone"], ["Monthly"], "", 1, true), "Coach");

        // A pair matched by telephone, with a goal and a session logged.
        var asked = await store.CreateRequestAsync(ids["demo-member"], new RequestEdit("Demo request: find my voice with commissioners.",
            ["InfluencingCommissioners"], ["LongTermCondition"], [], true, "Welsh", false, MentoringVocabulary.Telephone, false, "Wales", "Monthly"), ct);
        await store.ChooseMentorsAsync(asked, ids["demo-member"], [ids["demo-mentor"]], allAtOnce: false, ct);
        var choice = (await store.PendingForMentorAsync(ids["demo-mentor"], ct)).Single(c => c.RequestId == asked);
        var (_, relationshipId) = await store.AcceptAsync(choice.Id, ids["demo-mentor"], ct);
        var pair = (await relationships.FindForMemberAsync(relationshipId!.Value, ids["demo-mentor"], ct))!;
        await relationships.AddGoalAsync(pair.Id, "Speak for three minutes at the next commissioning meeting (demo)", ct);
        await relationships.LogSessionAsync(pair, ids["demo-mentor"], new SessionEdit(today.AddDays(-7), MentoringVocabulary.Telephone, 45,
            "A demo private note: only its author can read it.", ShareNote: false), ct);

        // A request waiting for a mentor's answer, and one the mentee asked the coordinators to handle.
        var waiting = await store.CreateRequestAsync(ids["demo-mentee"], new RequestEdit("Demo request: get ready to join a board.",
            ["BoardsAndCommittees"], [], [], false, "English", false, MentoringVocabulary.Telephone, false, "London", "Fortnightly"), ct);
        await store.ChooseMentorsAsync(waiting, ids["demo-mentee"], [ids["demo-mentor-rhys"], ids["demo-mentor-priya"]], allAtOnce: false, ct);
        var queued = await store.CreateRequestAsync(ids["demo-mentee-nia"], new RequestEdit("Demo request: start a peer support group.",
            ["PeerSupport"], [], [], false, "English", false, MentoringVocabulary.Telephone, false, "Midlands", "Flexible"), ct);
        await store.AskCoordinatorsAsync(queued, ids["demo-mentee-nia"], ct);
        Console.WriteLine("Created demo mentoring: 4 mentor offers, a pair with a telephone session logged, a request waiting for a mentor and one with the coordinators.");
    }
}
