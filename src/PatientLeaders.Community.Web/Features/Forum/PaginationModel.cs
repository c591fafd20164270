namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>For the _Pagination partial: numbered links with previous and next.</summary>
public sealed record PaginationModel(int Current, int Count, Func<int, string> Url, string Label);
