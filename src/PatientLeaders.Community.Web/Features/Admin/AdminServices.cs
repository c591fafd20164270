namespace PatientLeaders.Community.Web.Features.Admin;

public static class AdminServices
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) => services.AddSingleton<AdminStore>();
}
