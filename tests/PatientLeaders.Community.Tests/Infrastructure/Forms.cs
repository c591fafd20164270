using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>Reads real pages and submits their real forms, antiforgery token and all, as a browser would.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {url}");
        return await ParseAsync(response);
    }

    /// <summary>GETs <paramref name="url"/>, fills the form matching <paramref name="formSelector"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var page = await client.GetPageAsync(url);
        return await client.SubmitAsync(page, url, values, formSelector);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string pageUrl, IDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new AssertionException($"No form '{formSelector}' on {pageUrl}");
        return await client.PostFormAsync(form, form.GetAttribute("action"), pageUrl, values);
    }

    /// <summary>
    /// GETs <paramref name="url"/> and clicks the submit button matching <paramref name="buttonSelector"/> as a browser
    /// would: its form (named by its form attribute, or the one around it) with the button's own name and value, sent
    /// to its formaction if it has one.
    /// </summary>
    public static async Task<HttpResponseMessage> ClickAsync(this HttpClient client, string url, string buttonSelector)
    {
        var page = await client.GetPageAsync(url);
        var button = page.QuerySelector<IHtmlButtonElement>(buttonSelector) ?? throw new AssertionException($"No button '{buttonSelector}' on {url}");
        var form = (button.GetAttribute("form") is { } formId ? page.GetElementById(formId) : button.Closest("form")) as IHtmlFormElement
            ?? throw new AssertionException($"The button '{buttonSelector}' on {url} has no form");
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(button.Name))
        {
            values[button.Name] = button.Value;
        }
        return await client.PostFormAsync(form, button.GetAttribute("formaction") ?? form.GetAttribute("action"), url, values);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlFormElement form, string? action, string pageUrl, IDictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                    if (!values.ContainsKey(name) && input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type != "submit":
                    if (!values.ContainsKey(name))
                    {
                        fields.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea when !values.ContainsKey(name):
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select when !values.ContainsKey(name):
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        fields.AddRange(values);
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    public static string Text(this IParentNode document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new AssertionException($"Nothing matches {selector}");

    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument document) =>
        document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
}
