namespace PatientLeaders.Community.Web.Features.Messages;

public static class MessagesSql
{
    public const string InsertConversation = """
        INSERT INTO Conversations (Subject, CreatedAt, LastMessageAt, LastSeq) VALUES (@Subject, @Now, @Now, 0)
        """;

    public const string InsertParticipant = "INSERT INTO ConversationMembers (ConversationId, MemberId, LastReadSeq) VALUES (@ConversationId, @MemberId, 0)";

    /// <summary>The conversation, if the member is in it: the only way any page reaches one.</summary>
    public const string SelectConversationFor = """
        SELECT c.Id, c.Subject, c.CreatedAt, c.LastMessageAt, c.LastSeq, p.LastReadSeq
        FROM Conversations c JOIN ConversationMembers p ON p.ConversationId = c.Id AND p.MemberId = @MemberId
        WHERE c.Id = @ConversationId
        """;

    public const string SelectParticipants = """
        SELECT m.Id, m.Handle, m.DisplayName, m.Email, m.Language, m.EmailImmediately FROM ConversationMembers p JOIN Members m ON m.Id = p.MemberId
        WHERE p.ConversationId = @ConversationId ORDER BY m.DisplayName, m.Id
        """;

    /// <summary>A member's conversations, latest first, with how many messages they have not read.</summary>
    public const string SelectConversationsOf = """
        SELECT c.Id, c.Subject, c.CreatedAt, c.LastMessageAt, c.LastSeq, p.LastReadSeq
        FROM ConversationMembers p JOIN Conversations c ON c.Id = p.ConversationId
        WHERE p.MemberId = @MemberId
        ORDER BY c.LastMessageAt DESC, c.Id DESC
        """;

    public const string SelectParticipantsOfMany = """
        SELECT p.ConversationId, m.Id, m.Handle, m.DisplayName FROM ConversationMembers p JOIN Members m ON m.Id = p.MemberId
        WHERE p.ConversationId IN (SELECT value FROM {0})
        """;

    /// <summary>The header's count: conversations with something unread. Served by IX_ConversationMembers_MemberId.</summary>
    public const string CountUnreadConversations = """
        SELECT COUNT(*) FROM ConversationMembers p JOIN Conversations c ON c.Id = p.ConversationId
        WHERE p.MemberId = @MemberId AND c.LastSeq > p.LastReadSeq
        """;

    public const string SelectMessages = """
        SELECT d.Id, d.ConversationId, d.Seq, d.SenderId, m.DisplayName AS SenderName, m.Handle AS SenderHandle, d.Body, d.SentAt
        FROM DirectMessages d LEFT JOIN Members m ON m.Id = d.SenderId
        WHERE d.ConversationId = @ConversationId AND d.Seq > @AfterSeq
        ORDER BY d.Seq
        """;

    public const string SelectMessage = """
        SELECT d.Id, d.ConversationId, d.Seq, d.SenderId, m.DisplayName AS SenderName, m.Handle AS SenderHandle, d.Body, d.SentAt
        FROM DirectMessages d LEFT JOIN Members m ON m.Id = d.SenderId
        WHERE d.Id = @MessageId
        """;

    /// <summary>Takes the next number for the conversation; the update also serialises two senders at once.</summary>
    public const string NextSeq = """
        UPDATE Conversations SET LastSeq = LastSeq + 1, LastMessageAt = @Now WHERE Id = @ConversationId
        """;

    public const string SelectLastSeq = "SELECT LastSeq FROM Conversations WHERE Id = @ConversationId";

    public const string InsertMessage = """
        INSERT INTO DirectMessages (ConversationId, Seq, SenderId, Body, SentAt) VALUES (@ConversationId, @Seq, @SenderId, @Body, @Now)
        """;

    public const string MarkRead = """
        UPDATE ConversationMembers SET LastReadSeq = @Seq WHERE ConversationId = @ConversationId AND MemberId = @MemberId AND LastReadSeq < @Seq
        """;

    // Blocking

    public const string InsertBlock = """
        INSERT INTO MemberBlocks (BlockerId, BlockedId, CreatedAt)
        SELECT @BlockerId, @BlockedId, @Now
        WHERE NOT EXISTS (SELECT 1 FROM MemberBlocks WHERE BlockerId = @BlockerId AND BlockedId = @BlockedId)
        """;

    public const string DeleteBlock = "DELETE FROM MemberBlocks WHERE BlockerId = @BlockerId AND BlockedId = @BlockedId";

    public const string SelectBlocked = """
        SELECT m.Id, m.Handle, m.DisplayName FROM MemberBlocks b JOIN Members m ON m.Id = b.BlockedId WHERE b.BlockerId = @MemberId ORDER BY m.DisplayName
        """;

    /// <summary>Whether the sender has blocked any of these members: then no message passes.</summary>
    public const string CountBlockedBySender = """
        SELECT COUNT(*) FROM MemberBlocks WHERE BlockerId = @SenderId AND BlockedId IN (SELECT value FROM {0})
        """;

    /// <summary>Whether any of these members has blocked the sender: then no message passes either.</summary>
    public const string CountBlockingSender = """
        SELECT COUNT(*) FROM MemberBlocks WHERE BlockedId = @SenderId AND BlockerId IN (SELECT value FROM {0})
        """;

    public const string SelectMembersByHandle = """
        SELECT Id, Handle, DisplayName, Email, Language, EmailImmediately FROM Members WHERE NormalizedHandle IN @Handles
        """;

    // Reports

    public const string InsertReport = """
        INSERT INTO MessageReports (MessageId, ReporterId, Note, CreatedAt) VALUES (@MessageId, @ReporterId, @Note, @Now)
        """;

    public const string SelectOpenReports = """
        SELECT r.Id, r.MessageId, r.Note, r.CreatedAt, r.ReporterId, rm.DisplayName AS ReporterName, d.ConversationId, d.Seq, d.SenderId,
            sm.DisplayName AS SenderName, sm.Handle AS SenderHandle
        FROM MessageReports r JOIN DirectMessages d ON d.Id = r.MessageId
        LEFT JOIN Members rm ON rm.Id = r.ReporterId LEFT JOIN Members sm ON sm.Id = d.SenderId
        WHERE r.ResolvedAt IS NULL ORDER BY r.Id
        """;

    public const string SelectReport = """
        SELECT r.Id, r.MessageId, r.Note, r.CreatedAt, r.ReporterId, rm.DisplayName AS ReporterName, d.ConversationId, d.Seq, d.SenderId,
            sm.DisplayName AS SenderName, sm.Handle AS SenderHandle
        FROM MessageReports r JOIN DirectMessages d ON d.Id = r.MessageId
        LEFT JOIN Members rm ON rm.Id = r.ReporterId LEFT JOIN Members sm ON sm.Id = d.SenderId
        WHERE r.Id = @ReportId AND r.ResolvedAt IS NULL
        """;

    /// <summary>The reported message and the few around it in its conversation: the context a moderator may see.</summary>
    public const string SelectContext = """
        SELECT d.Id, d.ConversationId, d.Seq, d.SenderId, m.DisplayName AS SenderName, m.Handle AS SenderHandle, d.Body, d.SentAt
        FROM DirectMessages d LEFT JOIN Members m ON m.Id = d.SenderId
        WHERE d.ConversationId = @ConversationId AND d.Seq BETWEEN @From AND @To
        ORDER BY d.Seq
        """;

    public const string ResolveReport = """
        UPDATE MessageReports SET ResolvedAt = @Now, Resolution = @Resolution WHERE Id = @ReportId AND ResolvedAt IS NULL
        """;

    public const string CountOpenReports = "SELECT COUNT(*) FROM MessageReports WHERE ResolvedAt IS NULL";

    // Export and erasure

    public const string SelectSentForExport = """
        SELECT d.ConversationId, c.Subject, d.Seq, d.Body, d.SentAt FROM DirectMessages d JOIN Conversations c ON c.Id = d.ConversationId
        WHERE d.SenderId = @MemberId ORDER BY d.ConversationId, d.Seq
        """;

    public const string EraseBlocks = "DELETE FROM MemberBlocks WHERE BlockerId = @MemberId OR BlockedId = @MemberId";

    public const string EraseSender = "UPDATE DirectMessages SET SenderId = NULL WHERE SenderId = @MemberId";

    public const string EraseReporter = "UPDATE MessageReports SET ReporterId = NULL WHERE ReporterId = @MemberId";

    public const string EraseParticipant = "DELETE FROM ConversationMembers WHERE MemberId = @MemberId";

    /// <summary>A conversation nobody is left in goes, with its messages and their reports.</summary>
    public const string DeleteEmptyConversations = """
        DELETE FROM Conversations WHERE NOT EXISTS (SELECT 1 FROM ConversationMembers p WHERE p.ConversationId = Conversations.Id)
        """;
}
