using Microsoft.AspNetCore.Identity;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>
/// Benchmark data for bench/room-load.mjs: N sets of M members, each with a meeting already in its bidding phase
/// (where everyone may write). Development only; never a migration. Every account shares one password hash, so
/// seeding does not spend minutes hashing.
/// </summary>
public static class BenchData
{
    public const string Password = "bench-community-pass";

    public static async Task SeedAsync(IServiceProvider services, int rooms, int members, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var sets = scope.ServiceProvider.GetRequiredService<SetStore>();
        var meetings = scope.ServiceProvider.GetRequiredService<MeetingStore>();
        var store = scope.ServiceProvider.GetRequiredService<RoomStore>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var hash = users.PasswordHasher.HashPassword(new Member(), Password);

        async Task<long> UserAsync(string handle, string role)
        {
            if (await users.FindByNameAsync(handle) is { } existing)
            {
                return existing.Id;
            }
            var member = new Member
            {
                Email = handle + "@example.invalid", Handle = handle, DisplayName = handle, EmailConfirmed = true, PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(member);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(member, Roles.Member);
            if (role != Roles.Member)
            {
                await users.AddToRoleAsync(member, role);
            }
            return member.Id;
        }

        for (var room = 1; room <= rooms; room++)
        {
            var facilitator = await UserAsync($"bench-r{room}-f", Roles.Facilitator);
            var ids = new List<long>();
            for (var m = 1; m <= members; m++)
            {
                ids.Add(await UserAsync($"bench-r{room}-m{m}", Roles.Member));
            }
            var setId = await sets.CreateAsync(new NewSet($"Bench room {room}", "Benchmark", facilitator, ids, "- Benchmark rules", 1, KeepChat: false), ct);
            await meetings.ScheduleAsync(setId, clock.GetUtcNow().AddHours(1), 180, "UTC", CallDetails.None, ct);
            var meeting = (await store.OpenMeetingAsync(setId, ct))!;
            await store.SaveAsync(meeting, meeting.State with { Phase = MeetingPhase.Bidding, Timer = new PhaseTimer(clock.GetUtcNow(), 3600, null) }, keepChat: false, ct);
            Console.WriteLine($"{setId} bench-r{room}-f {string.Join(' ', Enumerable.Range(1, members).Select(m => $"bench-r{room}-m{m}"))}");
        }
        Console.Error.WriteLine($"Seeded {rooms} rooms of {members} members. Password for every account: {Password}");
    }
}
