using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// MVC's own HTML generator, except that a page's forms share one antiforgery field. A thread page has a dozen forms
/// (the header's sign-out, follow, the posts' actions, the composer); each <c>Html.AntiForgeryToken()</c> used to set
/// the no-cache headers again and build a field of its own around the same token, which the framework already keeps
/// for the request.
/// </summary>
public sealed class OneTokenHtmlGenerator(IAntiforgery antiforgery, IOptions<MvcViewOptions> options, IModelMetadataProvider metadata,
    IUrlHelperFactory urls, HtmlEncoder encoder, ValidationHtmlAttributeProvider validation)
    : DefaultHtmlGenerator(antiforgery, options, metadata, urls, encoder, validation)
{
    private static readonly object FieldKey = new();

    public override IHtmlContent GenerateAntiforgery(ViewContext viewContext)
    {
        var items = viewContext.HttpContext.Items;
        if (items.TryGetValue(FieldKey, out var kept) && kept is IHtmlContent field)
        {
            // As the framework's own: a form that wrote its field needs no other at its end.
            if (viewContext.FormContext.CanRenderAtEndOfForm)
            {
                viewContext.FormContext.HasAntiforgeryToken = true;
            }
            return field;
        }
        field = base.GenerateAntiforgery(viewContext);
        items[FieldKey] = field;
        return field;
    }
}
