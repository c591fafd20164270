using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>Who hears about reports. Every moderator is told of every report at once; these add to that.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>
    /// Handles of the moderators on call, separated by commas or spaces: an urgent report ("I'm worried about this
    /// person") is emailed to them as well as to every moderator, even if they are not moderators themselves. Empty: none.
    /// </summary>
    [MaxLength(2000)]
    public string OnCall { get; set; } = "";

    public IReadOnlyList<string> OnCallHandles =>
        OnCall.Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.TrimStart('@').ToUpperInvariant()).Distinct().ToList();
}
