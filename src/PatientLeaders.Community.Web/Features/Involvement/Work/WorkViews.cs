namespace PatientLeaders.Community.Web.Features.Involvement.Work;

public sealed record EngagementView
{
    public long Id { get; init; }
    public long ApplicationId { get; init; }
    public long OpportunityId { get; init; }
    public string OpportunityTitle { get; init; } = "";
    public long OrganisationId { get; init; }
    public string OrganisationName { get; init; } = "";
    public string OrganisationSlug { get; init; } = "";
    public long MemberId { get; init; }
    public string LeaderName { get; init; } = "";
    public string Payment { get; init; } = "";
    public int HourlyRatePence { get; init; }
    public string PaymentLevel { get; init; } = "";
    public string Expenses { get; init; } = "";
    public DateTimeOffset StartsOn { get; init; }
    public DateTimeOffset EndsOn { get; init; }
    public DateTimeOffset ConfirmedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Hours earn a fee only when the leader chose to be paid.</summary>
    public bool EarnsFee => Payment == InvolvementVocabulary.Paid && HourlyRatePence > 0;
}

/// <summary>One line of the ledger. A fee and an expense are never on one line.</summary>
public sealed record ClaimView
{
    public long Id { get; init; }
    public long MemberId { get; init; }
    public string LeaderName { get; init; } = "";
    public long? EngagementId { get; init; }
    public long? CohortId { get; init; }
    public string Kind { get; init; } = "";
    public DateTimeOffset WorkedOn { get; init; }
    public int Minutes { get; init; }
    public int FeePence { get; init; }
    public int ExpensePence { get; init; }
    public string Description { get; init; } = "";
    public string? ReceiptFileId { get; init; }
    public string Status { get; init; } = ClaimStatus.Submitted;
    public string QueryReason { get; init; } = "";
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DateTimeOffset? PaidOn { get; init; }

    /// <summary>Who pays: the organisation, or the Centre for programme delivery (null).</summary>
    public string? Payer { get; init; }
    public long? PayerOrganisationId { get; init; }
    public string? OpportunityTitle { get; init; }
    public string? ProgrammeTitle { get; init; }
    public string? CohortTitle { get; init; }

    public string Activity => OpportunityTitle ?? $"{ProgrammeTitle}: {CohortTitle}";

    /// <summary>The date that places it in a tax year: when it was paid, or when the work was done until then.</summary>
    public DateTimeOffset TaxDate => PaidOn ?? WorkedOn;
}

public sealed record ImpactAnswer
{
    public long EngagementId { get; init; }
    public string Side { get; init; } = "";
    public string DecisionInfluenced { get; init; } = "";
    public string WhatChanged { get; init; } = "";
    public string Adopted { get; init; } = "";
    public string Reflection { get; init; } = "";
    public DateTimeOffset AnsweredAt { get; init; }
}

/// <summary>The UK tax year, 6 April to 5 April, named by the year it starts in.</summary>
public static class TaxYear
{
    public static int Of(DateTimeOffset date)
    {
        var day = date.UtcDateTime;
        return day.Month > 4 || day.Month == 4 && day.Day >= 6 ? day.Year : day.Year - 1;
    }

    public static DateTimeOffset Start(int year) => new(year, 4, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last day of the tax year, 5 April of the next calendar year.</summary>
    public static DateTimeOffset End(int year) => new(year + 1, 4, 5, 0, 0, 0, TimeSpan.Zero);

    public static string Name(int year) => $"{year}–{(year + 1) % 100:00}";
}
