namespace PatientLeaders.Community.Web.Data;

/// <summary>LIKE patterns from what a person typed: their %, _ and \ are characters, not wildcards (use with ESCAPE '\').</summary>
public static class SqlLike
{
    /// <summary>"%text%" with the text escaped; empty for empty text, which the statements read as "no filter".</summary>
    public static string Containing(string text) =>
        text.Length == 0 ? "" : "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";
}
