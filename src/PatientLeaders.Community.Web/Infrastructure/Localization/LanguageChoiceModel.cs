namespace PatientLeaders.Community.Web.Infrastructure.Localization;

/// <summary>The language switch partial: where to come back to, and the form's accessible name (unique on its page).</summary>
public sealed record LanguageChoiceModel(string ReturnUrl, string Label);
