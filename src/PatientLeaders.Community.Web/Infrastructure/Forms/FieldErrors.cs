using Microsoft.AspNetCore.Mvc.Rendering;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

public static class FieldErrors
{
    public static IReadOnlyList<string> For(ViewContext viewContext, string expression)
    {
        var key = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression);
        return viewContext.ModelState.TryGetValue(key, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList()
            : [];
    }

    public static string ControlId(string modelStateKey) => TagBuilder.CreateSanitizedId(modelStateKey, "_");

    public static string MessageId(ViewContext viewContext, string expression) =>
        ControlId(viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression)) + "-error";
}
