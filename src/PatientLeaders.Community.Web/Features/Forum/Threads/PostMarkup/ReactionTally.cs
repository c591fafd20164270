namespace PatientLeaders.Community.Web.Features.Forum.Threads.PostMarkup;

/// <summary>
/// Who reacted to a post and how, as one string, so <see cref="PostShape"/> compares it by value: each reaction's
/// kind and reactor's name, in the order read. Whether the reader reacted is not here: that is a hole.
/// </summary>
public sealed record ReactionTally(string Encoded)
{
    private const char Field = '\u001f';
    private const char Row = '\u001e';

    public static ReactionTally From(IEnumerable<ReactionRow> rows) =>
        new(string.Join(Row, rows.Select(r => r.Kind + Field + r.DisplayName)));

    public bool IsEmpty => Encoded.Length == 0;

    public int Count(string kind) => Rows().Count(r => r.Kind == kind);

    public IEnumerable<string> Names(string kind) => Rows().Where(r => r.Kind == kind).Select(r => r.Name);

    private IEnumerable<(string Kind, string Name)> Rows() => IsEmpty ? [] : Encoded.Split(Row).Select(row =>
    {
        var split = row.IndexOf(Field, StringComparison.Ordinal);
        return (row[..split], row[(split + 1)..]);
    });
}
