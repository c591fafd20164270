using System.Globalization;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>
/// Amounts in pounds, kept as whole pence. A number field sends "12.50" whatever the page's language, and people
/// may type "12,50": both are read the same, so a Spanish or Welsh page never turns £12.50 into £1,250.
/// </summary>
public static class Money
{
    public static bool TryParsePounds(string? text, int maxPounds, out int pence)
    {
        pence = 0;
        var cleaned = (text ?? "").Trim().TrimStart('£').Replace(',', '.');
        if (cleaned.Length == 0 || cleaned.Count(c => c == '.') > 1
            || !decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds)
            || pounds < 0 || pounds > maxPounds || decimal.Round(pounds, 2) != pounds)
        {
            return false;
        }
        pence = (int)(pounds * 100);
        return true;
    }

    /// <summary>For a form field: always with a full stop, as number fields expect.</summary>
    public static string Field(int pence) => (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>For reading: £12.50 in the page's own number format.</summary>
    public static string Show(long pence) => "£" + (pence / 100m).ToString("N2", CultureInfo.CurrentCulture);
}
