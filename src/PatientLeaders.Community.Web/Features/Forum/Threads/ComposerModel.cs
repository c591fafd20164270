using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// For the _Composer partial: the page's <paramref name="Input"/> (the fields), the submit button, the preview button
/// and region, which shows the input's own content note.
/// </summary>
public sealed record ComposerModel(PostTextInput Input, string SubmitLabel, string PreviewAction, SanitizedHtml? Preview);
