using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Profiles;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>A small, clearly fake community for trying the site. Development only; never a migration.</summary>
public static class DemoData
{
    public const string Password = "demo-community-pass";

    public static readonly IReadOnlyList<(string Handle, string Name, string Role)> People =
    [
        ("demo-admin", "Ada Admin (demo)", Roles.Admin),
        ("demo-coordinator", "Cora Coordinator (demo)", Roles.Coordinator),
        ("demo-moderator", "Mo Moderator (demo)", Roles.Moderator),
        ("demo-facilitator", "Faye Facilitator (demo)", Roles.Facilitator),
        ("demo-mentor", "Menna Mentor (demo)", Roles.Mentor),
        ("demo-member", "Sam Member (demo)", Roles.Member),
        ("demo-mentor-rhys", "Rhys Mentor (demo)", Roles.Mentor),
        ("demo-mentor-priya", "Priya Mentor (demo)", Roles.Mentor),
        ("demo-mentor-joan", "Joan Mentor (demo)", Roles.Mentor),
        ("demo-mentee", "Tom Mentee (demo)", Roles.Member),
        ("demo-mentee-nia", "Nia Mentee (demo)", Roles.Member),
        ("demo-programmes", "Pip Programmes (demo)", Roles.ProgrammeCoordinator),
        ("demo-org-trust", "Tariq Trust Contact (demo)", Roles.Member),
        ("demo-org-charity", "Cath Charity Contact (demo)", Roles.Member),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<RegistrationService>();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileStore>();
        var created = new Dictionary<string, long>();
        foreach (var (handle, name, role) in People)
        {
            var roles = role == Roles.Member ? new[] { Roles.Member } : [Roles.Member, role];
            var result = await registration.RegisterAsync(new NewMember(name, handle, $"{handle}@example.invalid", Password), roles, null, emailAlreadyConfirmed: true, ct);
            if (!result.Succeeded)
            {
                Console.WriteLine($"@{handle} already exists; skipped.");
                continue;
            }
            await profiles.SaveProfileAsync(result.Member!.Id, new ProfileEdit(name, "", $"A **demo** account for trying the site as a {role.ToLowerInvariant()}.",
                "Demo region", "English", "co-production, patient leadership", "facilitation", ListedInDirectory: true), ct);
            Console.WriteLine($"Created @{handle} ({role}): {handle}@example.invalid");
            created[handle] = result.Member.Id;
        }
        if (People.All(p => created.ContainsKey(p.Handle)))
        {
            await DemoCommunity.SeedAsync(scope.ServiceProvider, created, ct);
            await DemoMentoring.SeedAsync(scope.ServiceProvider, created, ct);
            await DemoProgrammes.SeedAsync(scope.ServiceProvider, created, ct);
            await DemoInvolvement.SeedAsync(scope.ServiceProvider, created, ct);
        }
        Console.WriteLine($"Demo password for every account: {Password}");
    }
}
