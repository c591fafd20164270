using PatientLeaders.Community.Web;
using PatientLeaders.Community.Web.DevelopmentTools;
using PatientLeaders.Community.Web.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.AddCommunity();

var app = builder.Build();
app.UseCommunity();

if (await CommandLine.TryRunAsync(app, args))
{
    return;
}
app.RequireHttpsInProduction();
await app.RunAsync();

public partial class Program;
