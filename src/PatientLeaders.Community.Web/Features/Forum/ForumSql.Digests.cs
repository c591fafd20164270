using PatientLeaders.Community.Web.Features.Forum.Email;
namespace PatientLeaders.Community.Web.Features.Forum;

public static partial class ForumSql
{
    /// <summary>
    /// Members on this digest frequency, at a confirmed address, not suspended, without a digest for this period yet,
    /// each with their latest earlier digest of this frequency since @Floor (a seek on UX_ForumDigests_MemberId_Period:
    /// keys of one frequency sort in time order), so missed periods can be caught up in one mail.
    /// Keyset batches by Id (IX_Members_DigestFrequency); the caller wraps it with the dialect's limit on @Take.
    /// </summary>
    public const string SelectDigestRecipients = """
        SELECT m.Id, m.Email, m.DisplayName, m.Language,
            (SELECT MAX(l.Period) FROM ForumDigests l WHERE l.MemberId = m.Id AND l.Period >= @Floor AND l.Period < @Period) AS LastPeriod
        FROM Members m
        WHERE m.DigestFrequency = @Frequency AND m.EmailConfirmed = 1 AND m.Id > @AfterId
          AND (m.SuspendedUntil IS NULL OR m.SuspendedUntil <= @Now)
          AND NOT EXISTS (SELECT 1 FROM ForumDigests d WHERE d.MemberId = m.Id AND d.Period = @Period)
        ORDER BY m.Id
        """;

    /// <summary>
    /// New posts in [From, To) in threads the member follows, or in categories they follow (unless they muted the
    /// thread), only in categories they can open now; never their own, deleted or hidden posts, or posts by members they
    /// ignore. Threads come from ThreadSubscriptions' key and IX_Threads_CategoryId_LastPostAt; posts from
    /// IX_Posts_ThreadId_CreatedAt. The caller wraps it with the dialect's limit on @Take.
    /// </summary>
    public const string SelectDigestPosts = """
        SELECT p.Id AS PostId, p.ThreadId, t.Title AS ThreadTitle, a.DisplayName AS AuthorName, p.Body, p.ContentNote
        FROM Threads t
        JOIN Posts p ON p.ThreadId = t.Id
        LEFT JOIN Members a ON a.Id = p.AuthorId
        WHERE t.Id IN (
                SELECT s.ThreadId FROM ThreadSubscriptions s WHERE s.MemberId = @MemberId AND s.Level = 'Following'
                UNION
                SELECT ct.Id FROM CategorySubscriptions cs JOIN Threads ct ON ct.CategoryId = cs.CategoryId AND ct.LastPostAt >= @From
                WHERE cs.MemberId = @MemberId)
          AND t.CategoryId IN @CategoryIds
          AND NOT EXISTS (SELECT 1 FROM ThreadSubscriptions mu WHERE mu.MemberId = @MemberId AND mu.ThreadId = t.Id AND mu.Level = 'Muted')
          AND p.CreatedAt >= @From AND p.CreatedAt < @To
          AND p.DeletedAt IS NULL AND p.HiddenAt IS NULL
          AND (p.AuthorId IS NULL OR p.AuthorId <> @MemberId)
          AND NOT EXISTS (SELECT 1 FROM MemberIgnores i WHERE i.MemberId = @MemberId AND i.IgnoredMemberId = p.AuthorId)
        ORDER BY t.Id, p.Number
        """;

    /// <summary>The first statement of the sending transaction: a second run for the same period fails on UX_ForumDigests_MemberId_Period.</summary>
    public const string InsertDigest = """
        INSERT INTO ForumDigests (MemberId, Period, PostCount, CreatedAt) VALUES (@MemberId, @Period, @PostCount, @Now)
        """;
}
