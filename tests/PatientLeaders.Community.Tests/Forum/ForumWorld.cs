using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>A small community for one test: an admin, two members (sam, kit) and a "General chat" category.</summary>
public sealed class ForumWorld : IAsyncDisposable
{
    private ForumWorld(TestApp app, HttpClient admin, HttpClient sam, HttpClient kit)
    {
        App = app;
        Admin = admin;
        Sam = sam;
        Kit = kit;
    }

    public TestApp App { get; }
    public HttpClient Admin { get; }
    public HttpClient Sam { get; }
    public HttpClient Kit { get; }

    public static async Task<ForumWorld> CreateAsync(IDictionary<string, string?>? overrides = null, TimeProvider? clock = null)
    {
        var app = await TestApp.CreateAsync(clock, overrides);
        var admin = await app.SetUpAdminAsync();
        await admin.CreateCategoryAsync("General chat");
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var kit = await app.InviteMemberAsync(admin, "kit@example.org", "kit");
        return new ForumWorld(app, admin, sam, kit);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
