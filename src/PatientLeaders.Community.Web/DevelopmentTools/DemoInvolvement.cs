using PatientLeaders.Community.Web.Features.Impact;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Involvement.Opportunities;
using PatientLeaders.Community.Web.Features.Involvement.Organisations;
using PatientLeaders.Community.Web.Features.Involvement.Pool;
using PatientLeaders.Community.Web.Features.Involvement.Work;
using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>
/// The demo's pool of patient leaders, made through the site's own stores: two verified organisations with a contact
/// each, three leaders in the pool, an open opportunity, one waiting for approval, and a finished piece of work with
/// approved hours and an expense, both sides' impact answers and a published story.
/// </summary>
public static class DemoInvolvement
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, long> ids, CancellationToken ct)
    {
        var organisations = services.GetRequiredService<OrganisationStore>();
        var pool = services.GetRequiredService<PoolStore>();
        var opportunities = services.GetRequiredService<OpportunityStore>();
        var work = services.GetRequiredService<WorkStore>();
        var stories = services.GetRequiredService<StoryStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = MentoringDates.Today(clock);
        DateTimeOffset Day(int days) => MentoringDates.ToStored(today.AddDays(days));

        var trust = await AddOrganisationAsync(organisations, new OrganisationEdit("Northshire Community NHS Trust (demo)", "Trust",
            "Community health services for 400,000 people: district nursing, rehabilitation and stroke care.", "https://example.org/northshire"),
            "demo-org-trust", ids["demo-programmes"], ct);
        var charity = await AddOrganisationAsync(organisations, new OrganisationEdit("Breathe Easy Network (demo)", "Charity",
            "A charity run by and for people living with lung conditions.", ""), "demo-org-charity", ids["demo-programmes"], ct);

        await pool.SaveAsync(new PoolProfile
        {
            MemberId = ids["demo-member"], Kinds = "ServiceRedesign,Boards,Reviewing", Skills = "Chairing; reading board papers", RolesHeld = "Patient representative, stroke network",
            Region = "NorthEastYorkshire", Remote = true, Telephone = true, Availability = "Weekday mornings", Themes = "LongTermCondition", PrivateThemes = "MentalHealth",
            AccessNeeds = "Papers a week ahead; a break every hour", Payment = InvolvementVocabulary.Paid,
        }, ct);
        await pool.SaveAsync(new PoolProfile
        {
            MemberId = ids["demo-mentee-nia"], Kinds = "Research,Speaking", Region = "Wales", Remote = true, Payment = InvolvementVocabulary.ExpensesOnly,
        }, ct);
        await pool.SaveAsync(new PoolProfile
        {
            MemberId = ids["demo-mentor-priya"], Kinds = "Boards,Recruitment,ServiceRedesign", Region = "NorthEastYorkshire", Telephone = true, Payment = InvolvementVocabulary.Voluntary,
        }, ct);

        OpportunityEdit Advert(long organisationId, string title, string kind, int startsIn, int closesIn) => new()
        {
            OrganisationId = organisationId, Title = title, Kind = kind,
            Difference = "The group decides how people leaving hospital after a stroke are followed up at home. Your experience will shape the new follow-up plan; we will tell you what we changed and why.",
            TimeCommitment = "Four two-hour meetings, with an hour's reading before each", StartsOn = Day(startsIn), EndsOn = Day(startsIn + 60), Place = InvolvementVocabulary.Remote,
            Region = "NorthEastYorkshire", PaymentLevel = "Level3", HourlyRatePence = 2500, Expenses = "Travel, carer or personal assistant costs, phone and data",
            Support = "A named contact, a briefing call before the first meeting, papers in large print or audio on request", ExperienceSought = "Recent experience of stroke services, as a patient or carer",
            Themes = "LongTermCondition", PeopleWanted = 2, ClosesOn = Day(closesIn), ContactName = "Tariq Trust Contact (demo)", ContactEmail = "demo-org-trust@example.invalid",
        };

        // Open now, approved.
        var open = await opportunities.CreateAsync(Advert(trust, "Patient member, stroke follow-up redesign group (demo)", "ServiceRedesign", 30, 20), submit: true, ids["demo-org-trust"], ct);
        await opportunities.ReviewAsync(open, approve: true, "", ct);
        // Waiting for a coordinator.
        await opportunities.CreateAsync(Advert(trust, "Recruitment panel: head of patient experience (demo)", "Recruitment", 40, 25), submit: true, ids["demo-org-trust"], ct);

        // Finished work: Sam was chosen, logged hours and an expense, both sides said what changed, and the story is published.
        var done = await opportunities.CreateAsync(Advert(charity, "Reviewing the breathlessness leaflet (demo)", "Reviewing", 0, 0) with
        {
            Difference = "The leaflet given to everyone newly diagnosed with COPD is being rewritten. Your comments decide what stays in.", ContactName = "Cath Charity Contact (demo)",
            ContactEmail = "demo-org-charity@example.invalid",
        }, submit: true, ids["demo-org-charity"], ct);
        await opportunities.ReviewAsync(done, approve: true, "", ct);
        var opportunity = (await opportunities.FindAsync(done, ct))!;
        await opportunities.ApplyAsync(opportunity, (await pool.FindAsync(ids["demo-member"], ct))!, new ApplicationChoice("I have used the leaflet myself and know what confused me.", false, true), ct);
        await opportunities.ApplyAsync(opportunity, (await pool.FindAsync(ids["demo-mentor-priya"], ct))!, new ApplicationChoice("I review documents for my local network.", false, false), ct);
        var sam = (await opportunities.FindApplicationAsync(done, ids["demo-member"], ct))!;
        await opportunities.DecideAsync(sam, opportunity, ApplicantStatus.Selected, "", ct);
        var priya = (await opportunities.FindApplicationAsync(done, ids["demo-mentor-priya"], ct))!;
        await opportunities.DecideAsync(priya, opportunity, ApplicantStatus.NotChosen, "Thank you: we had many strong applications. We would welcome you on the next review in the spring.", ct);
        var engagementId = (await opportunities.ConfirmAsync(sam.Id, ids["demo-member"], ct))!.Value;
        var engagement = (await work.FindAsync(engagementId, ct))!;
        await work.AddHoursAsync(engagement, new HoursClaim(Day(0), 150, "Reading the draft and writing comments"), ct);
        await work.AddExpenseAsync(engagement, new ExpenseClaim(Day(0), 640, "Printing the draft in large print", null), ct);
        foreach (var claim in await work.ClaimsAsync(engagementId, ct))
        {
            await work.DecideAsync(claim, approve: true, "", ids["demo-org-charity"], ct);
        }
        await work.AnswerAsync(new ImpactAnswer
        {
            EngagementId = engagementId, Side = InvolvementVocabulary.OrganisationSide, DecisionInfluenced = "Yes", WhatChanged = "Document", Adopted = "Partly",
            Reflection = "We cut the leaflet by half and moved 'what to do in a flare-up' to the front, as Sam suggested.",
        }, ids["demo-org-charity"], ct);
        await work.AnswerAsync(new ImpactAnswer
        {
            EngagementId = engagementId, Side = InvolvementVocabulary.LeaderSide, DecisionInfluenced = "Yes", WhatChanged = "Document", Adopted = "Partly",
            Reflection = "They listened, and told me what they changed.",
        }, ids["demo-member"], ct);
        var story = await stories.OfferAsync(ids["demo-member"], engagementId, "The leaflet I wish I had been given (demo)",
            "When I was diagnosed, the leaflet told me everything except what to do when I could not breathe. This time, I was asked. The new leaflet starts with exactly that.", named: true, ct);
        await stories.ApproveAsync(story, ids["demo-member"], named: true, ct);
        await stories.PublishAsync(story, ct);
        Console.WriteLine("Created the pool of patient leaders: two organisations, open and closed opportunities, finished work and a published story.");
    }

    private static async Task<long> AddOrganisationAsync(OrganisationStore organisations, OrganisationEdit edit, string contactHandle, long coordinatorId, CancellationToken ct)
    {
        var slug = await organisations.CreateAsync(edit, ct);
        var organisation = (await organisations.FindAsync(slug, ct))!;
        await organisations.SetVerifiedAsync(organisation.Id, true, ct);
        await organisations.AddContactAsync(organisation.Id, $"{contactHandle}@example.invalid", coordinatorId, "Pip Programmes (demo)", ct);
        return organisation.Id;
    }
}
