using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Sets;

namespace PatientLeaders.Community.Tests;

/// <summary>
/// Every query parameter of every page (handler parameters and properties bound on GET), and every route value,
/// walked with boundary values: never a 5xx, and never the "form may have expired" wording for an address.
/// </summary>
public sealed class QueryParameterBoundaryTests
{
    private static readonly string[] Numbers = ["0", "-1", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "", "abc", "1.5"];

    private static readonly string[] Dates = ["0001-01-01", "9999-12-31", "10000-01-01", "2026-02-30", "", "abc", "-1"];

    private static readonly string[] Texts = ["", " ", "%00", "\u202E", new('x', 3000)];

    [Test]
    public async Task EveryPageQueryParameter_WithBoundaryValues_NeverAnswers5xx()
    {
        await using var c = await SetCommunity.CreateAsync();
        await c.Admin.CreateCategoryAsync("Introductions", isPublic: true);
        var thread = await c.Sam.StartThreadAsync("introductions", "Hello", "First post");
        var loader = c.App.Services.GetRequiredService<PageLoader>();
        var pages = c.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.RoutePattern.RawText).Select(g => g.First()).ToList();
        var walked = 0;
        using var all = Assert.EnterMultipleScope();
        foreach (var endpoint in pages)
        {
            var compiled = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parameters = QueryParameters(compiled).Where(p => !routeNames.Contains(p.Name)).ToList();
            foreach (var client in new[] { c.Admin, c.Sam })
            {
                foreach (var (name, type) in parameters)
                {
                    // Alone; with the other numbers and dates at ordinary values; and with those and the first text (a search
                    // runs only with words to find, and other texts are filters that would find nothing).
                    var others = string.Concat(parameters.Where(p => p.Name != name && !IsText(p.Type)).Select(p => "&" + p.Name + "=" + Ordinary(p.Type)));
                    var text = parameters.FirstOrDefault(p => p.Name != name && IsText(p.Type)).Name;
                    foreach (var value in ValuesFor(type))
                    {
                        var query = Url(route, thread) + "?" + name + "=" + Uri.EscapeDataString(value);
                        await AssertAnswersAsync(client, query);
                        await AssertAnswersAsync(client, query + others);
                        if (text is not null)
                        {
                            await AssertAnswersAsync(client, query + others + "&" + text + "=hello");
                        }
                        walked += 3;
                    }
                }
                foreach (var parameter in endpoint.RoutePattern.Parameters.Where(p => p.Name is "id" or "threadId" or "page" or "code" or "number"))
                {
                    foreach (var value in Numbers.Where(v => v.Length > 0))
                    {
                        await AssertAnswersAsync(client, Url(route, thread, parameter.Name, value));
                        walked++;
                    }
                }
            }
        }
        Assert.That(walked, Is.GreaterThan(500), "the walk reached the pages' parameters");
    }

    [Test]
    public async Task StatusPages_SayWhatHappened_AndAnyOtherNumberIsPageNotFound()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        foreach (var code in new[] { 0, 1, 200, 302, 399, 600, int.MaxValue })
        {
            var response = await browser.GetAsync($"/errors/{code}");
            Assert.That((int)response.StatusCode, Is.EqualTo(404), $"/errors/{code}");
            Assert.That((await Forms.ParseAsync(response)).Text("h1"), Is.EqualTo("Page not found"), $"/errors/{code}");
        }
        var address = await Forms.ParseAsync(await browser.GetAsync("/errors/400"));
        Assert.That(address.Text("main"), Does.Contain("web address could not be read").And.Not.Contain("form may have expired"));
        var form = await Forms.ParseAsync(await browser.PostAsync("/errors/400", new FormUrlEncodedContent([])));
        Assert.That(form.Text("main"), Does.Contain("form may have expired"));
        var tooLarge = await browser.GetAsync("/errors/413");
        Assert.That((int)tooLarge.StatusCode, Is.EqualTo(413));
        Assert.That((await Forms.ParseAsync(tooLarge)).Text("main"), Does.Contain("512 KB"));
    }

    [Test]
    public async Task DatesOutsideTheYears1900To2999_AreRefusedWithAMessage()
    {
        await using var c = await SetCommunity.CreateAsync();
        var page = await Forms.ParseAsync(await c.Sam.GetAsync("/search?q=hello&to=9999-12-31"));
        Assert.That(page.ErrorSummary(), Has.Some.EqualTo(PatientLeaders.Community.Web.Infrastructure.Forms.BoundedDatesBinderProvider.OutOfRange));
        Assert.That(page.QuerySelector("#q")?.GetAttribute("value"), Is.EqualTo("hello"), "the words are kept");
    }

    private static async Task AssertAnswersAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.LessThan(500), url);
        if ((int)response.StatusCode == 400)
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("form may have expired"), url);
        }
    }

    /// <summary>What a GET can bind from the query: handler parameters and properties with SupportsGet, by their bound names.</summary>
    private static IEnumerable<(string Name, Type Type)> QueryParameters(CompiledPageActionDescriptor page)
    {
        foreach (var handler in page.HandlerMethods.Where(h => h.HttpMethod is null || h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var parameter in handler.Parameters.Where(p => p.ParameterType != typeof(CancellationToken) && p.BindingInfo?.BindingSource != BindingSource.Services))
            {
                yield return (parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType);
            }
        }
        foreach (var property in page.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            var bind = property.Property.GetCustomAttributes(typeof(BindPropertyAttribute), true).OfType<BindPropertyAttribute>().FirstOrDefault();
            var fromQuery = property.Property.GetCustomAttributes(typeof(FromQueryAttribute), true).OfType<FromQueryAttribute>().FirstOrDefault();
            if (bind?.SupportsGet == true || fromQuery is not null)
            {
                yield return (fromQuery?.Name ?? property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType);
            }
        }
    }

    private static bool IsText(Type type) => type == typeof(string);

    private static string Ordinary(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) ? "2026-01-15"
            : t == typeof(bool) ? "true"
            : t.IsPrimitive || t == typeof(decimal) ? "1"
            : t.IsEnum ? Enum.GetNames(t)[0]
            : "";
    }

    private static IEnumerable<string> ValuesFor(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            return Dates;
        }
        if (t.IsPrimitive || t.IsEnum || t == typeof(decimal))
        {
            return Numbers;
        }
        return t == typeof(string) ? Texts.Concat(Numbers.Take(3)) : Texts;
    }

    private static string Url(string route, long thread, string? name = null, string? value = null) =>
        Regex.Replace(route, @"\{([^}:?]+)[^}]*\}", p =>
            p.Groups[1].Value == name ? Uri.EscapeDataString(value!)
            : p.Groups[1].Value.StartsWith("handle", StringComparison.Ordinal) ? "sam"
            : p.Groups[1].Value == "slug" ? (route.StartsWith("/forum/t/", StringComparison.Ordinal) ? "hello" : "introductions")
            : p.Groups[1].Value == "code" ? "404"
            : p.Groups[1].Value is "id" or "threadId" && route.StartsWith("/forum/", StringComparison.Ordinal) ? thread.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : p.Groups[1].Value == "token" ? "not-a-token"
            : "1");
}
