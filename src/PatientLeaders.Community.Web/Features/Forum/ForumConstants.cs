namespace PatientLeaders.Community.Web.Features.Forum;

public static class ReactionKinds
{
    public const string Helpful = "Helpful";
    public const string ThankYou = "ThankYou";
    public const string IRelate = "IRelate";

    public static readonly IReadOnlyList<string> All = [Helpful, ThankYou, IRelate];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);

    public static string Label(string kind) => kind switch
    {
        Helpful => "Helpful",
        ThankYou => "Thank you",
        IRelate => "I relate",
        _ => kind,
    };
}

public static class SubscriptionLevels
{
    public const string Following = "Following";
    public const string Muted = "Muted";
}

/// <summary>Category icons and colours come from fixed lists (CSP forbids inline styles; colours are CSS classes).</summary>
public static class CategoryStyles
{
    public const string DefaultIcon = "chat";
    public const string DefaultColour = "blue";

    public static readonly IReadOnlyDictionary<string, string> Icons = new Dictionary<string, string>
    {
        ["chat"] = "💬",
        ["question"] = "❓",
        ["idea"] = "💡",
        ["support"] = "🤝",
        ["news"] = "📣",
        ["resources"] = "📚",
        ["events"] = "📅",
        ["welcome"] = "👋",
    };

    public static readonly IReadOnlyList<string> Colours = ["blue", "green", "purple", "orange", "red", "teal", "grey"];

    public static string Symbol(string icon) => Icons.TryGetValue(icon, out var symbol) ? symbol : Icons[DefaultIcon];

    public static string CssClass(string colour) => "category-" + (Colours.Contains(colour) ? colour : DefaultColour);
}

public static class PostLimits
{
    public const int TitleMin = 5;
    public const int TitleMax = 150;
    public const int BodyMax = 32_000;

    /// <summary>What the composer says, before sending, when the message is over <see cref="BodyMax"/>; the text stays where it is.</summary>
    public const string BodyTooLong = "Your message is over 32,000 characters, so it cannot be previewed or posted yet. Shorten it, then try again: your text is still here.";
    public const int ContentNoteMax = 100;
    public const int ReasonMax = 500;
    public const int MaxTags = 5;
    public const int TagMax = 30;
}
