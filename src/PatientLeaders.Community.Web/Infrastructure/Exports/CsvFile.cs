using CsvHelper;

namespace PatientLeaders.Community.Web.Infrastructure.Exports;

/// <summary>
/// A CSV download for a spreadsheet: UTF-8 with a byte order mark (so Excel reads accents), and any cell that starts
/// like a formula escaped so it stays text.
/// </summary>
public static class CsvFile
{
    public static async Task<byte[]> BuildAsync(IEnumerable<string[]> rows, CancellationToken ct)
    {
        using var bytes = new MemoryStream();
        await using (var csv = CsvWriter.Create(bytes, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                await csv.WriteRecordAsync(row, ct);
            }
        }
        return bytes.ToArray();
    }
}
