using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// For a page with several forms, each bound to its own property: only the posted form's fields count. A property
/// whose form was not posted is bound from the empty prefix instead, so its errors carry bare keys ("Name", not
/// "Input.Name"); everything outside the posted form's prefix is dropped.
/// </summary>
public static class ModelStateScopes
{
    public static void KeepOnly(this ModelStateDictionary modelState, string prefix)
    {
        foreach (var key in modelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            modelState.Remove(key);
        }
    }
}
