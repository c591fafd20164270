using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Impact;

/// <summary>The Centre's five-year aims, which /impact/goals sets against what the site records.</summary>
public sealed class ImpactOptions
{
    public const string Section = "Impact";

    [Range(1, 100000)]
    public int ProgrammesUkGoal { get; set; } = 100;

    [Range(1, 100000)]
    public int ProgrammesAbroadGoal { get; set; } = 50;

    [Range(1, 100000)]
    public int OnlineLearnersGoal { get; set; } = 300;

    [Range(1, 100000)]
    public int TrainedToDeliverGoal { get; set; } = 50;

    [Range(1, 100000)]
    public int InvolvementProjectsGoal { get; set; } = 200;
}
