using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum;

public sealed record PostBodyModel(SanitizedHtml Html, string ContentNote);
