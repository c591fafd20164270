using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Search;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Notifications;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>
/// The large benchmark community (issue 6): at scale 1.0, 10,000 members, 20 categories, 50,000 threads, 1,000,000
/// posts (one thread of 5,000), reactions, tags, follows, mentions, 100 action learning sets with meetings and chat,
/// 2,000 mentors and 5,000 mentoring relationships, 8 programmes of 5 cohorts, and a pool of 2,000 patient leaders
/// with 30 organisations and 40 open opportunities among 440. Deterministic for a given seed and scale. Development only.
///
/// Rows go in through the site's own INSERT constants (AccountsSql, ForumSql, SetsSql, MentoringSql,
/// NotificationsSql) on one connection, in large transactions, with each command prepared once and its parameters
/// re-bound per row. The search index is built by the site's own path: PostSearchText rows whose AFTER INSERT
/// trigger (migration 0012) feeds FTS5, with the text extracted by the same MarkdownRenderer + PostText as a real
/// post. Derived state the site keeps on every write (thread counters and SortKey, category counters, read
/// positions, auto-follows) is computed here in the same way and written once per thread/category, which gives the
/// same values as replaying PostWriter post by post. Every account shares ONE PBKDF2 hash of
/// <see cref="BenchData.Password"/>: hashing 10,000 passwords at 600k iterations would take most of an hour.
/// </summary>
public sealed partial class BenchCommunity(SqliteConnection connection, Random random, double scale, string passwordHash, MarkdownRenderer renderer)
{
    private const int MaxTags = 3;
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Kinds = [ReactionKinds.Helpful, ReactionKinds.ThankYou, ReactionKinds.IRelate];

    private readonly List<long> memberIds = [];
    private readonly List<string> handles = [];
    private SqliteTransaction? tx;

    public static async Task<int> RunAsync(IServiceProvider services, string? target, int seed, double scale, CancellationToken ct)
    {
        if (target is null)
        {
            Console.Error.WriteLine("Usage: seed-bench --to FILE --seed N [--scale 1.0]   (or: seed-bench --rooms N --members M)");
            return 2;
        }
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(full + suffix);
        }
        var watch = Stopwatch.StartNew();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var migrations = new MigrationRunner(new DbConnectionFactory(new SqliteDialect(options.BusyTimeoutSeconds), connectionString),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<MigrationRunner>>());
        await migrations.MigrateAsync(ct);

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var hash = users.PasswordHasher.HashPassword(new Member(), BenchData.Password);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // Only here: the generator's own file, rebuilt from nothing on any failure, so durability buys nothing.
        Exec(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000; PRAGMA foreign_keys = ON;");
        var generator = new BenchCommunity(connection, new Random(seed), scale, hash, scope.ServiceProvider.GetRequiredService<MarkdownRenderer>());
        var summary = generator.Generate(users);
        Exec(connection, "PRAGMA journal_mode = WAL; ANALYZE; PRAGMA optimize;");
        Console.WriteLine(summary);
        Console.WriteLine($"password={BenchData.Password}");
        Console.Error.WriteLine($"Generated {full} in {watch.Elapsed.TotalSeconds:F0} s. Every account's password: {BenchData.Password}");
        return 0;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private int Scaled(int full, int minimum) => Math.Max(minimum, (int)Math.Round(full * scale));

    private string Generate(UserManager<Member> users)
    {
        var report = new StringBuilder();
        Step("members", () => Members(users, Scaled(10_000, 60)));
        report.AppendLine(CultureInfo.InvariantCulture, $"member={handles[0]}@example.invalid");
        var forum = Step("forum", () => Forum(Scaled(20, 3), Scaled(50_000, 50), Scaled(1_000_000, 2_000), Scaled(5_000, 200)));
        report.Append(forum);
        Step("sets", () => Sets(Scaled(100, 2)));
        Step("mentoring", () => Mentoring(Scaled(2_000, 10), Scaled(5_000, 20)));
        report.Append(Step("programmes", () => Programmes(Scaled(8, 2), 5)));
        Step("involvement", () => Involvement(Scaled(30, 3), Scaled(2_000, 20), 40, Scaled(400, 10)));
        return report.ToString();
    }

    private static T Step<T>(string name, Func<T> step)
    {
        var watch = Stopwatch.StartNew();
        var result = step();
        Console.Error.WriteLine($"  {name}: {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private static void Step(string name, Action step) => Step(name, () => { step(); return 0; });

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter("@" + name, null));
        }
        command.Prepare();
        return command;
    }

    private static long Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTimeOffset time => UtcDateTimeOffsetHandler.ToText(time),
                bool flag => flag ? 1 : 0,
                var value => value,
            };
        }
        command.ExecuteNonQuery();
        return 0;
    }

    private long LastId()
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT last_insert_rowid()";
        return (long)command.ExecuteScalar()!;
    }

    private void Begin() => tx = connection.BeginTransaction();

    private void Commit()
    {
        tx!.Commit();
        tx.Dispose();
        tx = null;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private long AnyMember() => memberIds[random.Next(memberIds.Count)];

    // Skewed towards a core of active members, as in any forum.
    private int ActiveMemberIndex() => (int)(memberIds.Count * Math.Pow(random.NextDouble(), 2.5));

    private void Members(UserManager<Member> users, int count)
    {
        Begin();
        var insert = Prepare(AccountsSql.InsertMember, "Email", "NormalizedEmail", "EmailConfirmed", "PendingEmail", "Handle", "NormalizedHandle",
            "DisplayName", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TwoFactorEnabled", "AuthenticatorKey", "RecoveryCodes",
            "LockoutEnd", "LockoutEnabled", "AccessFailedCount", "SuspendedUntil", "SuspensionReason", "EmailImmediately", "DigestFrequency", "Language", "CreatedAt");
        var role = Prepare(AccountsSql.InsertRole, "MemberId", "Role", "GrantedAt");
        var profile = Prepare("INSERT INTO MemberProfiles (MemberId, Bio, Region, UpdatedAt) VALUES (@MemberId, @Bio, @Region, @UpdatedAt)",
            "MemberId", "Bio", "Region", "UpdatedAt");
        for (var i = 1; i <= count; i++)
        {
            var handle = $"member{i:D5}";
            var email = handle + "@example.invalid";
            var name = $"{Pick(BenchText.FirstNames)} {Pick(BenchText.Surnames)}";
            var joined = Epoch.AddMinutes(random.Next(0, 60 * 24 * 30));
            Run(insert, email, users.NormalizeEmail(email), true, null, handle, users.NormalizeName(handle), name, passwordHash,
                Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), false, null, null, null, true, 0, null, null, true, DigestFrequencies.Off, null, joined);
            var id = LastId();
            memberIds.Add(id);
            handles.Add(handle);
            Run(role, id, Roles.Member, joined);
            Run(profile, id, BenchText.Sentence(random, 12), Pick(BenchText.Regions), joined);
        }
        Commit();
    }

    private sealed class ThreadState
    {
        public long Id;
        public int Category;
        public int Posts;
        public int Planned;
        public long AuthorId;
        public long LastAuthorId;
        public DateTimeOffset LastAt;
        public long SortKey;
        public readonly HashSet<long> Participants = [];
        public readonly long[] Recent = new long[8];
    }

    private string Forum(int categoryCount, int threadCount, int postCount, int bigThreadPosts)
    {
        Begin();
        var category = Prepare(ForumSql.InsertCategory, "Slug", "Name", "Description", "Icon", "Colour", "IsPublic", "RequiredRoles", "CreatedAt");
        var categories = new List<(long Id, string Slug)>();
        for (var c = 0; c < categoryCount; c++)
        {
            var name = BenchText.CategoryNames[c % BenchText.CategoryNames.Length] + (c >= BenchText.CategoryNames.Length ? $" {c / BenchText.CategoryNames.Length + 1}" : "");
            var slug = Slugs.From(name, 80);
            Run(category, slug, name, BenchText.Sentence(random, 14), CategoryStyles.DefaultIcon, CategoryStyles.DefaultColour, c % 5 == 0, "", Epoch);
            categories.Add((LastId(), slug));
        }

        // How many posts each thread gets: thread 0 is the long one; the rest share the remainder, exponentially skewed.
        var threads = new ThreadState[threadCount];
        var weights = new double[threadCount];
        for (var i = 1; i < threadCount; i++)
        {
            weights[i] = -Math.Log(1 - random.NextDouble());
        }
        var rest = postCount - bigThreadPosts - (threadCount - 1);
        var total = weights.Sum();
        var assigned = bigThreadPosts;
        for (var i = 0; i < threadCount; i++)
        {
            var planned = i == 0 ? bigThreadPosts : 1 + (int)(weights[i] / total * rest);
            threads[i] = new ThreadState { Category = i == 0 ? 0 : random.Next(categoryCount), Planned = planned };
            assigned += i == 0 ? 0 : planned;
        }
        for (; assigned < postCount; assigned++)
        {
            threads[1 + random.Next(threadCount - 1)].Planned++;
        }

        // The order in which posts happen: every post is one slot holding its thread's index, shuffled; a thread
        // starts at its first slot. Times rise with the slot, so Ids, Numbers and times agree as they would live.
        var order = new int[postCount];
        for (int i = 0, k = 0; i < threadCount; i++)
        {
            for (var p = 0; p < threads[i].Planned; p++)
            {
                order[k++] = i;
            }
        }
        random.Shuffle(order);
        var step = TimeSpan.FromDays(700).Ticks / postCount;

        var insertThread = Prepare(ForumSql.InsertThread, "CategoryId", "Title", "Slug", "AuthorId", "Now", "SortKey");
        var insertTag = Prepare(ForumSql.InsertThreadTag, "ThreadId", "Tag");
        var insertPost = Prepare(ForumSql.InsertPost, "ThreadId", "Number", "AuthorId", "ReplyToPostId", "Body", "ContentNote", "Language", "Now");
        var insertText = Prepare(ForumSql.InsertSearchText, "PostId", "Title", "Body", "Month");
        var insertReaction = Prepare(ForumSql.InsertReaction, "PostId", "MemberId", "Kind", "Now");
        var insertNotification = Prepare(NotificationsSql.Insert, "MemberId", "Kind", "ThreadId", "PostId", "ActorMemberId", "CreatedAt");
        var activity = new long[categoryCount];
        var threadCounts = new int[categoryCount];
        const int Batch = 20_000;
        var bodies = new string[Batch];
        var texts = new string[Batch];
        for (var start = 0; start < postCount; start += Batch)
        {
            var size = Math.Min(Batch, postCount - start);
            // Bodies are drawn in order (deterministic); their Markdown is rendered to search text in parallel.
            var mentions = new long[size];
            for (var k = 0; k < size; k++)
            {
                var mention = random.NextDouble() < 0.04 ? ActiveMemberIndex() : -1;
                mentions[k] = mention < 0 ? 0 : memberIds[mention];
                bodies[k] = BenchText.Body(random, mention < 0 ? null : handles[mention]);
            }
            Parallel.For(0, size, k => texts[k] = PostText.From(renderer.Render(bodies[k])));
            for (var k = 0; k < size; k++)
            {
                var slot = start + k;
                var thread = threads[order[slot]];
                var now = Epoch.AddDays(31).AddTicks(step * slot);
                var author = memberIds[ActiveMemberIndex()];
                var categoryIndex = thread.Category;
                var sortKey = ++activity[categoryIndex];
                string title = "";
                if (thread.Posts == 0)
                {
                    title = order[slot] == 0 ? "The long-running thread: living with it, day by day" : BenchText.Title(random);
                    Run(insertThread, categories[categoryIndex].Id, title, PostWriter.ThreadSlug(title), author, now, sortKey);
                    thread.Id = LastId();
                    thread.AuthorId = author;
                    threadCounts[categoryIndex]++;
                    foreach (var tag in BenchText.Tags.OrderBy(_ => random.Next()).Take(random.Next(MaxTags + 1)))
                    {
                        Run(insertTag, thread.Id, tag);
                    }
                }
                thread.Posts++;
                long? replyTo = thread.Posts > 2 && random.NextDouble() < 0.3 ? thread.Recent[random.Next(Math.Min(thread.Posts - 1, thread.Recent.Length))] : null;
                Run(insertPost, thread.Id, thread.Posts, author, replyTo, bodies[k], random.NextDouble() < 0.02 ? "Mentions a hospital stay" : "", SiteCultures.Default, now);
                var postId = LastId();
                thread.Recent[(thread.Posts - 1) % thread.Recent.Length] = postId;
                Run(insertText, postId, title, texts[k], SearchMonths.Token(now));
                thread.Participants.Add(author);
                thread.LastAuthorId = author;
                thread.LastAt = now;
                thread.SortKey = sortKey;
                var reactions = random.NextDouble() < 0.3 ? 1 + random.Next(3) : 0;
                for (var r = 0; r < reactions; r++)
                {
                    var reactor = AnyMember();
                    if (reactor != author)
                    {
                        try
                        {
                            Run(insertReaction, postId, reactor, Kinds[r], now.AddMinutes(1 + r));
                        }
                        catch (SqliteException e) when (e.SqliteErrorCode == 19)
                        {
                            // The same member reacting the same way twice: the site refuses it too.
                        }
                    }
                }
                // Notifications as PostWriter would write them for the mentioned member and the thread's starter
                // (the full follower fan-out would add tens of millions of rows no page reads).
                if (mentions[k] != 0 && mentions[k] != author)
                {
                    Run(insertNotification, mentions[k], NotificationKinds.Mention, thread.Id, postId, author, now);
                }
                else if (thread.Posts > 1 && thread.AuthorId != author && random.NextDouble() < 0.2)
                {
                    Run(insertNotification, thread.AuthorId, NotificationKinds.Reply, thread.Id, postId, author, now);
                }
            }
            if ((start / Batch) % 10 == 9)
            {
                Commit();
                Begin();
                foreach (var command in new[] { insertThread, insertTag, insertPost, insertText, insertReaction, insertNotification })
                {
                    command.Transaction = tx;
                }
                Console.Error.WriteLine($"    {start + size:N0} posts");
            }
        }

        // The state PostWriter leaves behind after these posts, written once per thread instead of once per post.
        var finish = Prepare("""
            UPDATE Threads SET LastPostNumber = @Posts, ReplyCount = @Posts - 1, LastPostAt = @LastAt, LastPostAuthorId = @LastAuthorId,
                ParticipantCount = @Participants, SortKey = @SortKey
            WHERE Id = @Id
            """, "Posts", "LastAt", "LastAuthorId", "Participants", "SortKey", "Id");
        foreach (var thread in threads)
        {
            Run(finish, thread.Posts, thread.LastAt, thread.LastAuthorId, thread.Participants.Count, thread.SortKey, thread.Id);
        }
        var finishCategory = Prepare("UPDATE ForumCategories SET ThreadCount = @ThreadCount, ActivityCounter = @Activity WHERE Id = @Id", "ThreadCount", "Activity", "Id");
        for (var c = 0; c < categoryCount; c++)
        {
            Run(finishCategory, threadCounts[c], activity[c], categories[c].Id);
        }
        // Auto-follow and reading position of everyone who posted (ForumSql.AutoFollow / AdvanceRead), set-based.
        Exec(connection, """
            INSERT INTO ThreadSubscriptions (MemberId, ThreadId, Level, UpdatedAt)
            SELECT AuthorId, ThreadId, 'Following', MIN(CreatedAt) FROM Posts GROUP BY ThreadId, AuthorId;
            INSERT INTO ThreadReads (MemberId, ThreadId, LastReadNumber, ReadAt)
            SELECT AuthorId, ThreadId, MAX(Number), MAX(CreatedAt) FROM Posts GROUP BY ThreadId, AuthorId;
            """);
        Commit();

        var big = threads[0];
        var ordinary = threads.Skip(1).OrderBy(t => Math.Abs(t.Posts - 100)).ThenBy(t => t.Id).First();
        var busiest = Enumerable.Range(0, categoryCount).OrderByDescending(c => threadCounts[c]).First();
        return string.Join('\n',
            $"bigThread={big.Id} posts={big.Posts}",
            $"ordinaryThread={ordinary.Id} posts={ordinary.Posts}",
            $"category={categories[busiest].Slug} threads={threadCounts[busiest]}",
            $"posts={postCount} threads={threadCount} categories={categoryCount} members={memberIds.Count}") + "\n";
    }

    private void Sets(int count)
    {
        Begin();
        var insertSet = Prepare(SetsSql.InsertSet, "Name", "Purpose", "FacilitatorId", "GroundRules", "Quorum", "KeepChat", "CreatedAt");
        var insertMember = Prepare(SetsSql.InsertSetMember, "SetId", "MemberId", "AddedAt");
        var insertAcceptance = Prepare(SetsSql.InsertAcceptance, "SetId", "MemberId", "Version", "AcceptedAt");
        var insertMeeting = Prepare(SetsSql.InsertMeeting, "SetId", "StartsAt", "DurationMinutes", "TimeZone", "CreatedAt", "ReminderQueuedAt", "CallLink", "DialIn");
        var closeMeeting = Prepare("UPDATE SetMeetings SET Phase = 'Closed', StartedAt = @StartsAt, ClosedAt = @ClosedAt WHERE Id = @Id", "StartsAt", "ClosedAt", "Id");
        var insertMessage = Prepare(SetsSql.InsertMessage, "SetId", "MeetingId", "Seq", "AuthorId", "ClientMessageId", "Body", "PostedAt");
        var insertAttendance = Prepare(SetsSql.InsertAttendance, "MeetingId", "MemberId", "Now");
        var insertAction = Prepare(SetsSql.InsertAction, "SetId", "MeetingId", "OwnerId", "Text", "CreatedAt");
        var grant = Prepare(AccountsSql.InsertRole, "MemberId", "Role", "GrantedAt");
        var lastSeq = Prepare("UPDATE Sets SET LastMessageSeq = @Seq WHERE Id = @Id", "Seq", "Id");
        for (var s = 0; s < count; s++)
        {
            var facilitator = memberIds[s];
            Run(grant, facilitator, Roles.Facilitator, Epoch);
            var members = memberIds.Skip(count + s * 7).Take(7).ToList();
            Run(insertSet, $"Action learning set {s + 1}", BenchText.Sentence(random, 10), facilitator, "- Confidentiality\n- Listen first", 3, true, Epoch);
            var setId = LastId();
            foreach (var member in members.Prepend(facilitator))
            {
                Run(insertMember, setId, member, Epoch);
                Run(insertAcceptance, setId, member, 1, Epoch.AddHours(1));
            }
            var seq = 0;
            for (var m = 0; m < 12; m++)
            {
                var starts = Epoch.AddDays(30 + m * 28).AddHours(18);
                Run(insertMeeting, setId, starts, 180, "Europe/London", Epoch, starts.AddDays(-1), "", "");
                var meetingId = LastId();
                if (starts.AddDays(30) >= DateTimeOffset.UtcNow)
                {
                    continue;
                }
                Run(closeMeeting, starts, starts.AddMinutes(180), meetingId);
                foreach (var member in members)
                {
                    Run(insertAttendance, meetingId, member, starts);
                    Run(insertAction, setId, meetingId, member, BenchText.Sentence(random, 8), starts.AddMinutes(170));
                }
                for (var c = 0; c < 40; c++)
                {
                    seq++;
                    Run(insertMessage, setId, meetingId, seq, Pick(members), $"bench-{setId}-{seq}", BenchText.Sentence(random, 5 + random.Next(20)), starts.AddMinutes(c * 4));
                }
            }
            Run(lastSeq, seq, setId);
        }
        Commit();
    }

    private void Mentoring(int mentors, int relationships)
    {
        Begin();
        var grant = Prepare(AccountsSql.InsertRole, "MemberId", "Role", "GrantedAt");
        var offer = Prepare(MentoringSql.InsertOffer, "MemberId", "Summary", "FocusAreas", "Themes", "ThemesConsentAt", "Languages", "Region", "Formats",
            "Paces", "Availability", "Capacity", "IsPaused", "Now");
        var accreditation = Prepare(MentoringSql.InsertAccreditation, "MemberId", "Kind", "GainedOn", "ExpiresOn", "Now");
        var request = Prepare(MentoringSql.InsertRequest, "MenteeId", "Goals", "FocusAreas", "Themes", "PrivateThemes", "ThemesConsentAt", "Language",
            "LanguageRequired", "Format", "FormatRequired", "Region", "Pace", "Now");
        var matched = Prepare("UPDATE MentoringRequests SET Status = 'Matched', MatchedAt = @Now WHERE Id = @Id", "Now", "Id");
        var choice = Prepare(MentoringSql.InsertChoice, "RequestId", "MentorId", "ChoiceOrder", "Status", "SuggestedByCoordinator", "SentAt");
        var relationship = Prepare(MentoringSql.InsertRelationship, "RequestId", "MentorId", "MenteeId", "Now");
        var message = Prepare(MentoringSql.InsertMessage, "RelationshipId", "SenderId", "Seq", "ClientMessageId", "Body", "Now");
        var lastSeq = Prepare("UPDATE MentoringRelationships SET LastMessageSeq = @Seq WHERE Id = @Id", "Seq", "Id");
        var mentorIds = memberIds.Skip(memberIds.Count - mentors).ToList();
        var capacity = (int)Math.Ceiling((double)relationships / mentors) + 1;
        foreach (var mentor in mentorIds)
        {
            Run(grant, mentor, Roles.Mentor, Epoch);
            Run(offer, mentor, BenchText.Sentence(random, 15), "Confidence,Self-advocacy", "", null, "English", Pick(BenchText.Regions), "Telephone,Video",
                "Monthly", "Weekday evenings", capacity, false, Epoch);
            Run(accreditation, mentor, "Foundation", "2024-01-01", "2027-01-01", Epoch);
        }
        var active = new Dictionary<long, int>();
        for (var r = 0; r < relationships; r++)
        {
            var mentor = mentorIds[r % mentors];
            var mentee = memberIds[random.Next(memberIds.Count - mentors)];
            var at = Epoch.AddDays(40 + random.Next(600));
            Run(request, mentee, BenchText.Sentence(random, 12), "Confidence", "", "", null, "English", false, "Telephone", false, "", "Monthly", at);
            var requestId = LastId();
            Run(choice, requestId, mentor, 1, ChoiceStatus.Accepted, false, at);
            Run(matched, at.AddDays(2), requestId);
            Run(relationship, requestId, mentor, mentee, at.AddDays(2));
            var relationshipId = LastId();
            active[mentor] = active.GetValueOrDefault(mentor) + 1;
            for (var m = 0; m < 4; m++)
            {
                Run(message, relationshipId, m % 2 == 0 ? mentee : mentor, m + 1, $"bench-{relationshipId}-{m + 1}", BenchText.Sentence(random, 6 + random.Next(15)), at.AddDays(3 + m));
            }
            Run(lastSeq, 4, relationshipId);
        }
        var count = Prepare("UPDATE MentorOffers SET ActiveCount = @Count WHERE MemberId = @MemberId", "Count", "MemberId");
        foreach (var (mentor, n) in active)
        {
            Run(count, n, mentor);
        }
        Commit();
    }
}
