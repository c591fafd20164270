using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>
/// The whole moderation audit log, filtered and paged by keyset. Moderators read it as well as admins: the moderation
/// page has always shown them the recent actions, moderators see every category (ForumAccess), and a moderator's
/// own actions are what the log is for; members get 403 like every moderation page. A GET form: it changes nothing.
/// </summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class ModerationLogModel(ModerationStore moderation, UserManager<Member> users, ForumAccess access,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Moderator { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Thread { get; set; }

    /// <summary>A category's id, from the categories the viewer can see (moderators see them all).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The reader's IANA time zone, which site.js puts in the form; dates are UTC days without it.</summary>
    [BindProperty(SupportsGet = true, Name = "tz")]
    public string? Tz { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public long? After { get; set; }

    public string TimeZone { get; private set; } = "UTC";

    public bool Filtered { get; private set; }

    public IReadOnlyList<ForumCategory> Categories { get; private set; } = [];

    public ModerationLogPage Log { get; private set; } = new([], false, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var zone = MeetingTimes.FindZone(Tz);
        Tz = zone?.Id;
        TimeZone = zone?.Id ?? "UTC";
        var action = Blank(Kind);
        if (action is not null && !ModerationActionKinds.All.Contains(action))
        {
            ModelState.AddModelError(nameof(Kind), localizer["Choose an action from the list"].Value);
        }
        var moderatorId = await MemberIdAsync(nameof(Moderator), Moderator);
        var subjectId = await MemberIdAsync(nameof(Member), Member);
        long? threadId = null;
        if (Blank(Thread) is { } thread)
        {
            if (long.TryParse(thread.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                threadId = id;
            }
            else
            {
                ModelState.AddModelError(nameof(Thread), localizer["Enter the thread number using digits only, like 123"].Value);
            }
        }
        Categories = await access.VisibleCategoriesAsync(ForumViewer.From(User), ct);
        long? categoryId = null;
        if (Blank(Category) is { } category)
        {
            categoryId = Categories.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == category)?.Id;
            if (categoryId is null)
            {
                ModelState.AddModelError(nameof(Category), localizer["Choose a category from the list"].Value);
            }
        }
        var from = ParseDate(nameof(From), From, "Enter a real “from” date, like 2026-03-31");
        var to = ParseDate(nameof(To), To, "Enter a real “to” date, like 2026-03-31");
        if (from is not null && to is not null && from > to)
        {
            ModelState.AddModelError(nameof(To), localizer["The “to” date must be the same as or after the “from” date"].Value);
        }
        Filtered = action is not null || Blank(Moderator) is not null || Blank(Member) is not null || Blank(Thread) is not null || Blank(Category) is not null || Blank(From) is not null || Blank(To) is not null;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var filter = new ModerationLogFilter(action, moderatorId, subjectId, threadId,
            from is { } f ? ReaderDays.StartOfDay(f, zone) : null, to is { } t ? ReaderDays.StartOfDay(t.AddDays(1), zone) : null, categoryId);
        var cursor = After is { } after ? new ModerationLogCursor(after, Newer: true) : Before is { } before ? new ModerationLogCursor(before, Newer: false) : null;
        Log = await moderation.LogAsync(filter, cursor, PageSize, ct);
        return Page();
    }

    /// <summary>This log with its filters, at the page beyond <paramref name="cursor"/> (the newest page when null).</summary>
    public string PageUrl(ModerationLogCursor? cursor)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new(nameof(Kind), Kind), new(nameof(Moderator), Moderator), new(nameof(Member), Member), new(nameof(Thread), Thread),
            new(nameof(Category), Category), new(nameof(From), From), new(nameof(To), To), new("tz", Tz),
            new(cursor is { Newer: true } ? "after" : "before", cursor?.Id.ToString(CultureInfo.InvariantCulture)),
        };
        return "/forum/moderation/log" + new QueryBuilder(query.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.Trim()))).ToQueryString();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<long?> MemberIdAsync(string field, string? value)
    {
        if (Blank(value)?.TrimStart('@') is not { } handle)
        {
            return null;
        }
        if (handle.Length <= 40 && await users.FindByNameAsync(handle) is { } member)
        {
            return member.Id;
        }
        ModelState.AddModelError(field, localizer["No member has the handle {0}", handle].Value);
        return null;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d M yyyy"];

    /// <summary>A day typed in the filter; <paramref name="error"/> is the resource key of its message when it is not a date.</summary>
    private DateOnly? ParseDate(string field, string? value, string error)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        ModelState.AddModelError(field, localizer[error].Value);
        return null;
    }
}
