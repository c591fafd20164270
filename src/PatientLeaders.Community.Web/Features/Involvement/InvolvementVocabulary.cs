using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>
/// The pool's fixed lists. Codes are stored; labels are English keys of the site's resources. Regions and
/// lived-experience themes are the mentoring network's, so one profile answer serves both.
/// </summary>
public static class InvolvementVocabulary
{
    public static readonly Vocabulary Kinds = new([
        new("Boards", "Boards and committees", "boards and committees"),
        new("ServiceRedesign", "Service redesign", "service redesign"),
        new("Research", "Research involvement", "research involvement"),
        new("Recruitment", "Recruitment panels", "recruitment panels"),
        new("Speaking", "Speaking and training", "speaking and training"),
        new("Reviewing", "Reviewing documents", "reviewing documents"),
    ]);

    public static readonly Vocabulary OrganisationKinds = new([
        new("Trust", "NHS trust"),
        new("Icb", "Integrated care board"),
        new("Charity", "Charity"),
        new("Research", "Research team"),
        new("Other", "Other organisation"),
    ]);

    public const string Paid = "Paid";
    public const string ExpensesOnly = "ExpensesOnly";
    public const string Voluntary = "Voluntary";

    /// <summary>How a leader wants to be paid. Only "Paid" earns a fee; everyone's expenses are met.</summary>
    public static readonly Vocabulary PaymentChoices = new([
        new(Paid, "Paid at the level offered"),
        new(ExpensesOnly, "Expenses only"),
        new(Voluntary, "Voluntary, with no payment"),
    ]);

    /// <summary>The level of an opportunity, after NHS England's four levels of involvement and their payment.</summary>
    public static readonly Vocabulary PaymentLevels = new([
        new("Level1", "Level 1: sharing views (expenses only)"),
        new("Level2", "Level 2: taking part in a meeting or event"),
        new("Level3", "Level 3: a regular role in a group or project"),
        new("Level4", "Level 4: a formal role, such as a board member"),
    ]);

    public const string Remote = "Remote";
    public const string Telephone = "Telephone";
    public const string InPerson = "InPerson";

    public static readonly Vocabulary Places = new([
        new(Remote, "Online", "online"),
        new(Telephone, "By telephone", "by telephone"),
        new(InPerson, "In person", "in person"),
    ]);

    public const string LeaderSide = "Leader";
    public const string OrganisationSide = "Organisation";

    /// <summary>GRIPP2's extent of influence, asked of both sides.</summary>
    public static readonly Vocabulary Influence = new([
        new("Yes", "Yes"),
        new("Partly", "Partly"),
        new("No", "No"),
        new("NotYet", "Not yet known"),
    ]);

    public static readonly Vocabulary Changed = new([
        new("Decision", "A decision"),
        new("Service", "A service"),
        new("Document", "A document or plan"),
        new("Research", "A piece of research"),
        new("Nothing", "Nothing has changed yet"),
    ]);

    public const string LivedExperience = "LivedExperience";
    public const string AccessNeeds = "AccessNeeds";
}

/// <summary>Where an opportunity is: written by its organisation, waiting for a coordinator, open to the pool, or closed.</summary>
public static class OpportunityStatus
{
    public const string Draft = "Draft";
    public const string Submitted = "Submitted";
    public const string Returned = "Returned";
    public const string Approved = "Approved";
    public const string Closed = "Closed";

    public static string Label(string status) => status switch
    {
        Draft => "Draft",
        Submitted => "Waiting for approval",
        Returned => "Returned for changes",
        Approved => "Open to the pool",
        _ => "Closed",
    };
}

/// <summary>An application's path: applied → shortlisted → selected → confirmed; or not chosen; or withdrawn by the leader.</summary>
public static class ApplicantStatus
{
    public const string Applied = "Applied";
    public const string Shortlisted = "Shortlisted";
    public const string Selected = "Selected";
    public const string Confirmed = "Confirmed";
    public const string NotChosen = "NotChosen";
    public const string Withdrawn = "Withdrawn";

    /// <summary>Still waiting for an organisation's answer.</summary>
    public static readonly IReadOnlyList<string> Waiting = [Applied, Shortlisted];

    public static string Label(string status) => status switch
    {
        Applied => "Applied",
        Shortlisted => "Shortlisted",
        Selected => "Selected: please confirm",
        Confirmed => "Confirmed",
        NotChosen => "Not chosen this time",
        _ => "Withdrawn",
    };
}

/// <summary>A claim on the ledger: hours and expenses on an engagement, or programme delivery.</summary>
public static class ClaimKind
{
    public const string Hours = "Hours";
    public const string Expense = "Expense";
    public const string Delivery = "Delivery";
}

public static class ClaimStatus
{
    public const string Submitted = "Submitted";
    public const string Approved = "Approved";
    public const string Queried = "Queried";

    public static string Label(string status) => status switch
    {
        Submitted => "Waiting for approval",
        Approved => "Approved",
        _ => "Queried",
    };
}

public static class StoryStatus
{
    public const string Offered = "Offered";
    public const string WithLeader = "WithLeader";
    public const string Approved = "Approved";
    public const string Published = "Published";
    public const string Withdrawn = "Withdrawn";

    public static string Label(string status) => status switch
    {
        Offered => "Offered: a coordinator will be in touch",
        WithLeader => "Edited: waiting for your approval",
        Approved => "Approved: waiting to be published",
        Published => "Published",
        _ => "Withdrawn",
    };
}
