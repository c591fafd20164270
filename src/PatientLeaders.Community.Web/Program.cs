using PatientLeaders.Community.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddCommunity();

var app = builder.Build();
app.UseCommunity();

if (await CommandLine.TryRunAsync(app, args))
{
    return;
}
await app.RunAsync();

public partial class Program;
