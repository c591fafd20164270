using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>
/// The demo community's everyday life, made through the site's own stores: forum categories with threads and replies
/// from several members, and an action learning set with its next meeting booked, so that a new evaluator meets a
/// living community rather than an empty forum. Every name says "(demo)".
/// </summary>
public static class DemoCommunity
{
    private static readonly (string Slug, string Name, string Description, string Icon, string Colour)[] Categories =
    [
        ("welcome-demo", "Welcome and introductions (demo)", "Say hello and tell us what brings you here.", "welcome", "green"),
        ("influencing-demo", "Influencing and co-production (demo)", "Boards, committees, commissioners: what works when you speak up.", "idea", "blue"),
        ("wellbeing-demo", "Looking after yourself (demo)", "Pacing, energy and saying no, in patient leadership.", "support", "teal"),
    ];

    /// <summary>(category, author, title, opening post, replies as (author, text)).</summary>
    private static readonly (string Category, string Author, string Title, string Body, (string Author, string Body)[] Replies)[] Threads =
    [
        ("welcome-demo", "demo-mentee-nia", "Hello from the Midlands (demo)",
            "I finished the Effective Patient Leader course last month and I'm hoping to start a peer support group. Glad to be here!",
            [("demo-mentor-priya", "Welcome, Nia! I run a group in Leicester and I'm happy to share what we learnt setting it up."),
             ("demo-moderator", "Welcome aboard. The **Looking after yourself** category is a good place to ask about pacing, too.")]),
        ("influencing-demo", "demo-member", "How do you prepare for a commissioning meeting? (demo)",
            "I have three minutes at the next meeting. How do you decide what to say, and what to leave out?",
            [("demo-mentor", "One story, one number, one ask. I write the ask first and build back from it."),
             ("demo-mentor-rhys", "Ask the chair beforehand where you are on the agenda; it takes the guesswork away."),
             ("demo-member", "Thank you both. I'll try the one-story-one-ask idea and report back.")]),
        ("influencing-demo", "demo-mentor-rhys", "Being paid for involvement: what rates have you seen? (demo)",
            "Our trust follows the NIHR rates. I'd like to hear what other organisations pay, and how they handle benefits.",
            [("demo-mentor-priya", "Ours pays the NIHR rate plus travel; they also asked whether we wanted vouchers instead, which helped with benefits.")]),
        ("wellbeing-demo", "demo-mentee", "Saying no without guilt (demo)",
            "I keep agreeing to every request and then crashing for days. How do you decide what to turn down?",
            [("demo-facilitator", "In our set we call it 'spending spoons'. I keep a weekly budget and say no once it is spent."),
             ("demo-mentee-nia", "Same here. I also ask for papers a week ahead, so I can read them on a good day.")]),
    ];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, long> ids, CancellationToken ct)
    {
        var categories = services.GetRequiredService<CategoryStore>();
        var writer = services.GetRequiredService<PostWriter>();
        var threads = services.GetRequiredService<ThreadStore>();
        foreach (var (slug, name, description, icon, colour) in Categories)
        {
            await categories.CreateAsync(new CategoryEdit(slug, name, description, icon, colour, IsPublic: false, RequiredRoles: ""), ct);
        }
        var all = await categories.AllAsync(ct);
        foreach (var (slug, author, title, body, replies) in Threads)
        {
            var category = all.Single(c => c.Slug == slug);
            var posted = await writer.StartThreadAsync(category, ids[author], new NewThread(title, body, "", []), ct);
            var thread = (await threads.FindAsync(posted.ThreadId, ct))!;
            foreach (var (replier, text) in replies)
            {
                await writer.ReplyAsync(category, thread, ids[replier], new NewReply(null, text, ""), ct);
            }
        }

        // An action learning set with its next meeting a week from now, in the evening, UK time.
        var sets = services.GetRequiredService<SetStore>();
        var meetings = services.GetRequiredService<MeetingStore>();
        var setId = await sets.CreateAsync(new NewSet("Wednesday evening set (demo)", "Four patient leaders working on influencing local services (demo).",
            ids["demo-facilitator"], [ids["demo-member"], ids["demo-mentee"], ids["demo-mentee-nia"], ids["demo-mentor-priya"]],
            CreateModel.DefaultGroundRules, Quorum: 3, KeepChat: false), ct);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var nextWeek = TimeZoneInfo.ConvertTime(services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(7), london).Date.AddHours(18);
        await meetings.ScheduleAsync(setId, new DateTimeOffset(nextWeek, london.GetUtcOffset(nextWeek)), 120, "Europe/London", new CallDetails("", "0300 123 4567, PIN 4321"), ct);
        Console.WriteLine("Created the demo community's life: 3 forum categories with 4 threads and their replies, and a set with its next meeting booked.");
    }
}
