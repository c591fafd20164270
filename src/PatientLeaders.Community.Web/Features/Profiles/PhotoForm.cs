namespace PatientLeaders.Community.Web.Features.Profiles;

/// <summary>The picture form's model: whether there is a picture to remove, and the file field.</summary>
public sealed record PhotoForm(DateTimeOffset? PhotoUpdatedAt)
{
    public IFormFile? Photo { get; init; }
}
