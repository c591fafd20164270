namespace PatientLeaders.Community.Web.Features.Profiles;

public static class ProfilesServices
{
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<MemberDataService>();
        return services;
    }
}
