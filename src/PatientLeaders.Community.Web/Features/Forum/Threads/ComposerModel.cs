using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>For the _ComposerActions partial: the submit button, the preview button and region, the draft status.</summary>
public sealed record ComposerModel(string SubmitLabel, string PreviewAction, SanitizedHtml? Preview, string? PreviewNote);
