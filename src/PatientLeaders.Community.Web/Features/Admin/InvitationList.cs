using System.ComponentModel.DataAnnotations;
using CsvHelper;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Admin;

/// <summary>One person on a pasted or uploaded list: what was read, and why it cannot be sent, if it cannot.</summary>
public sealed record InvitationRow(int Line, string Name, string Email, string Role, string? Problem)
{
    public bool CanSend => Problem is null;
}

/// <summary>
/// Reads a list of people to invite, one a line: "name, email, role" (CSV, so a name with a comma goes in quotes; a
/// header row and a blank role, meaning Member, are fine). Every problem is found before anything is sent: an address
/// that is not one, an unknown role, the same address twice, someone already a member or already invited.
/// </summary>
public static class InvitationList
{
    public const int MaxRows = 500;

    public const int MaxNameLength = 100;

    /// <summary>
    /// The rows read, at most <see cref="MaxRows"/> and one more, so the caller can say the list is too long. Throws
    /// <see cref="CsvFormatException"/> for quoting it cannot read.
    /// </summary>
    public static IReadOnlyList<InvitationRow> Parse(string text)
    {
        var rows = new List<InvitationRow>();
        // One person a line: a quote left open never swallows the lines after it, and a malformed line is an error, not a guess.
        using var reader = CsvReader.Create(new StringReader(text), new CsvReaderOptions
        {
            HasHeader = false, TrimWhitespace = true, MaxRecordSize = 64 * 1024, AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Throw,
        });
        var line = 0;
        while (rows.Count <= MaxRows && reader.Read())
        {
            line++;
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString().Trim()).ToList();
            if (fields.All(f => f.Length == 0) || (line == 1 && fields.Any(f => f.Equals("email", StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }
            // "email" alone, or "name, email", or "name, email, role".
            var (name, email, role) = fields.Count switch
            {
                1 => ("", fields[0], ""),
                2 => (fields[0], fields[1], ""),
                _ => (fields[0], fields[1], fields[2]),
            };
            rows.Add(new InvitationRow(line, name, email, RoleNamed(role) ?? role, Check(name, email, role)));
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return rows.Select(r => r.CanSend && !seen.Add(r.Email) ? r with { Problem = "This address is on the list more than once" } : r).ToList();
    }

    /// <summary>Marks those already members, or invited and not yet joined.</summary>
    public static IReadOnlyList<InvitationRow> Against(IReadOnlyList<InvitationRow> rows, IReadOnlySet<string> members, IReadOnlySet<string> invited) =>
        rows.Select(r => !r.CanSend ? r
            : members.Contains(r.Email.ToUpperInvariant()) ? r with { Problem = "Already a member" }
            : invited.Contains(r.Email.ToUpperInvariant()) ? r with { Problem = "Already invited: resend that invitation instead" }
            : r).ToList();

    private static string? Check(string name, string email, string role)
    {
        if (email.Length == 0 || email.Length > 320 || !new EmailAddressAttribute().IsValid(email) || email.Any(char.IsWhiteSpace))
        {
            return "This is not an email address";
        }
        if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return "The name must be one line of 100 characters or fewer";
        }
        return role.Length > 0 && RoleNamed(role) is null ? "This role is not one of the site's roles" : null;
    }

    /// <summary>The site's role with this name, in any case; blank is Member. Scoped roles are granted elsewhere.</summary>
    private static string? RoleNamed(string role) =>
        role.Length == 0 ? Roles.Member : Roles.All.FirstOrDefault(r => r.Equals(role.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
}
