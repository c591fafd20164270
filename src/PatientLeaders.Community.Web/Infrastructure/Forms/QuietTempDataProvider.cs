using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// The status message a page shows once after a redirect ("You are following this thread"), kept in a cookie as
/// ASP.NET Core keeps it, but without deleting a cookie the browser never had. Every page's layout looks for a
/// message, and ASP.NET Core answered each look with a Set-Cookie that deleted the empty cookie.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        // A message is kept; a message shown is deleted. Chunked, the cookie under its own name says how many chunks.
        if (values is { Count: > 0 } || context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            cookies.SaveTempData(context, values);
        }
    }
}
