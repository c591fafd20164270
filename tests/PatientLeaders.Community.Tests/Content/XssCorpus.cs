using System.Globalization;
using System.Text;

namespace PatientLeaders.Community.Tests.Content;

/// <summary>Loads xss-corpus.txt (format described at the top of that file). Shared with the browser tests.</summary>
public static class XssCorpus
{
    private static readonly Lazy<IReadOnlyList<string>> Lines = new(Load);

    public static IReadOnlyList<string> Vectors => Lines.Value;

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Content", "xss-corpus.txt");

    public static IEnumerable<TestCaseData> Cases() =>
        Vectors.Select((vector, index) => new TestCaseData(vector).SetArgDisplayNames($"#{index + 1:D3}"));

    public static string Unescape(string line)
    {
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c != '\\' || i + 1 >= line.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = line[i + 1];
            switch (next)
            {
                case 'n': builder.Append('\n'); i++; break;
                case 'r': builder.Append('\r'); i++; break;
                case 't': builder.Append('\t'); i++; break;
                case '0': builder.Append('\0'); i++; break;
                case '\\': builder.Append('\\'); i++; break;
                case 'u' when i + 5 < line.Length
                    && ushort.TryParse(line.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 5;
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    private static IReadOnlyList<string> Load()
    {
        if (!File.Exists(FilePath))
        {
            throw new FileNotFoundException("The XSS corpus was not copied to the test output.", FilePath);
        }

        return File.ReadLines(FilePath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Unescape)
            .ToArray();
    }
}
