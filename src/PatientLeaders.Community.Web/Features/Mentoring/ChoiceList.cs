namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>The model of the _ChoiceList partial: a fieldset of checkboxes or radios over one vocabulary.</summary>
public sealed record ChoiceList(string Name, string Legend, string? Hint, Vocabulary Vocabulary, IReadOnlyCollection<string> Selected, bool Single = false, string? NoneLabel = null);
