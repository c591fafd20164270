using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

public sealed class MeetingFlowTests
{
    private const long Facilitator = 1, Sam = 2, Priya = 3, Jo = 4;
    private static readonly DateTimeOffset T0 = new(2030, 1, 14, 9, 0, 0, TimeSpan.Zero);

    private static FlowContext Ctx(long actor, DateTimeOffset? now = null, IReadOnlyList<long>? present = null, IReadOnlyList<long>? owners = null, IReadOnlyList<BidView>? bids = null) => new()
    {
        Now = now ?? T0,
        ActorId = actor,
        ActorIsFacilitator = actor == Facilitator,
        ActorIsMember = actor != Facilitator,
        Present = present ?? [Sam, Priya, Jo],
        Members = [Sam, Priya, Jo],
        Quorum = 2,
        ActionOwners = owners ?? [],
        Bids = bids ?? [],
    };

    private static MeetingState Must(FlowResult result)
    {
        Assert.That(result.Error, Is.Null);
        return result.State;
    }

    [Test]
    public void Start_WithoutQuorum_IsRefused_AndOnlyTheFacilitatorStarts()
    {
        var lobby = new MeetingState();
        Assert.That(MeetingFlow.Start(lobby, Ctx(Facilitator, present: [Sam])).Error, Does.Contain("needs 2 members"));
        Assert.That(MeetingFlow.Start(lobby, Ctx(Sam)).Error, Does.Contain("Only the facilitator"));
        var opening = Must(MeetingFlow.Start(lobby, Ctx(Facilitator)));
        Assert.That(opening.Phase, Is.EqualTo(MeetingPhase.Opening));
        Assert.That(opening.Timer.RemainingSeconds(T0.AddMinutes(1)), Is.EqualTo(120));
    }

    [Test]
    public void FullMeeting_WalksEveryPhaseInOrder_SkippingReviewAtFirstMeeting()
    {
        var s = Must(MeetingFlow.Start(new MeetingState(), Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        Assert.That((s.Phase, s.Speaker), Is.EqualTo((MeetingPhase.CheckIn, (long?)Sam)));
        s = Must(MeetingFlow.Pass(s, Ctx(Sam)));
        Assert.That(s.Speaker, Is.EqualTo(Priya));
        Assert.That(s.Passed, Does.Contain(Sam));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        Assert.That(s.Phase, Is.EqualTo(MeetingPhase.Bidding), "no previous actions: review skipped");
        Assert.That(MeetingFlow.Next(s, Ctx(Facilitator)).Error, Does.Contain("Propose"));
        var bids = new[] { new BidView { MemberId = Sam, Minutes = 20 }, new BidView { MemberId = Jo, NoTime = true } };
        Assert.That(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator, bids: bids), [new PresenterSlot(Jo, 20)]).Error, Does.Contain("no time today"));
        s = Must(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator, bids: bids), [new PresenterSlot(Sam, 20)]));
        var expected = new[]
        {
            MeetingPhase.Presentation, MeetingPhase.ClarifyingQuestions, MeetingPhase.OpenQuestions, MeetingPhase.ActionCommitment,
            MeetingPhase.Reflection, MeetingPhase.ProcessReview, MeetingPhase.CheckOut,
        };
        foreach (var phase in expected)
        {
            s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
            Assert.That(s.Phase, Is.EqualTo(phase));
            if (MeetingPhases.IsSlot(phase))
            {
                Assert.That(s.Presenter, Is.EqualTo(Sam));
            }
        }
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        Assert.That(s.Phase, Is.EqualTo(MeetingPhase.Closed));
        Assert.That(MeetingFlow.Next(s, Ctx(Facilitator)).Error, Does.Contain("closed"));
    }

    [Test]
    public void ActionReview_IsARoundOfPreviousPresenters_AndOffersOnlyWhenChosen()
    {
        var s = Must(MeetingFlow.Start(new MeetingState(), Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator, owners: [Priya])));
        s = s with { Turn = 2 };
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator, owners: [Priya])));
        Assert.That((s.Phase, s.Speaker), Is.EqualTo((MeetingPhase.ActionReview, (long?)Priya)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = Must(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator), [new PresenterSlot(Priya, 30), new PresenterSlot(Sam, 20)]));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        Assert.That(MeetingFlow.ChooseOffers(s, Ctx(Sam), true).Error, Is.Not.Null, "only the presenter chooses");
        s = Must(MeetingFlow.ChooseOffers(s, Ctx(Priya), true));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        Assert.That(s.Phase, Is.EqualTo(MeetingPhase.Offers));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        Assert.That((s.Phase, s.Presenter, s.OffersWanted), Is.EqualTo((MeetingPhase.Presentation, (long?)Sam, false)), "second presenter's slot");
    }

    [Test]
    public void Timer_PausesForStopBreakAndFacilitatorLoss_ResumesWhereItWas_AndExtends()
    {
        var s = Must(MeetingFlow.Start(new MeetingState(), Ctx(Facilitator)));
        s = Must(MeetingFlow.Stop(s, Ctx(Facilitator, T0.AddSeconds(60))));
        Assert.That(s.Timer.RemainingSeconds(T0.AddMinutes(30)), Is.EqualTo(120), "stopped: the clock does not run");
        s = Must(MeetingFlow.Resume(s, Ctx(Facilitator, T0.AddMinutes(10))));
        Assert.That(s.Timer.RemainingSeconds(T0.AddMinutes(10).AddSeconds(30)), Is.EqualTo(90));
        s = Must(MeetingFlow.RequestBreak(s, Ctx(Sam, T0.AddMinutes(11))));
        Assert.That(s.BreakRequests, Has.Count.EqualTo(1));
        s = Must(MeetingFlow.StartBreak(s, Ctx(Facilitator, T0.AddMinutes(11))));
        Assert.That((s.OnBreak, s.BreakRequests.Count, s.Timer.IsRunning), Is.EqualTo((true, 0, false)));
        s = Must(MeetingFlow.EndBreak(s, Ctx(Facilitator, T0.AddMinutes(21))));
        s = Must(MeetingFlow.FacilitatorLeft(s, Ctx(Facilitator, T0.AddMinutes(21))));
        s = Must(MeetingFlow.FacilitatorOverdue(s, Ctx(Facilitator, T0.AddMinutes(21)), TimeSpan.Zero));
        Assert.That(s.Timer.IsRunning, Is.False, "the room waits for the facilitator");
        s = Must(MeetingFlow.FacilitatorReturned(s, Ctx(Facilitator, T0.AddMinutes(25))));
        s = Must(MeetingFlow.Extend(s, Ctx(Facilitator, T0.AddMinutes(25)), 5));
        Assert.That(s.Timer.RemainingSeconds(T0.AddMinutes(25)), Is.EqualTo(60 + 300));
        Assert.That(MeetingFlow.Extend(s, Ctx(Sam), 5).Error, Is.Not.Null);
    }

    [Test]
    public void FacilitatorLeft_PausesNothing_UntilTheGraceHasPassed_ThenFromItsEnd()
    {
        var grace = TimeSpan.FromSeconds(30);
        var s = Must(MeetingFlow.Start(new MeetingState(), Ctx(Facilitator)));
        s = Must(MeetingFlow.FacilitatorLeft(s, Ctx(Facilitator, T0.AddSeconds(10))));
        Assert.That((s.FacilitatorAway, s.Timer.IsRunning, s.FacilitatorLeftAt), Is.EqualTo((false, true, (DateTimeOffset?)T0.AddSeconds(10))));
        Assert.That(Must(MeetingFlow.FacilitatorLeft(s, Ctx(Facilitator, T0.AddSeconds(20)))).FacilitatorLeftAt, Is.EqualTo(T0.AddSeconds(10)), "the first drop counts");
        Assert.That(Must(MeetingFlow.FacilitatorOverdue(s, Ctx(Facilitator, T0.AddSeconds(39)), grace)), Is.EqualTo(s), "still within the grace");

        var waiting = Must(MeetingFlow.FacilitatorOverdue(s, Ctx(Facilitator, T0.AddSeconds(100)), grace));
        Assert.That((waiting.FacilitatorAway, waiting.Timer.IsRunning), Is.EqualTo((true, false)));
        Assert.That(waiting.Timer.RemainingSeconds(T0.AddHours(1)), Is.EqualTo(180 - 40), "paused from the end of the grace, not from when it was noticed");
        var back = Must(MeetingFlow.FacilitatorReturned(waiting, Ctx(Facilitator, T0.AddSeconds(300))));
        Assert.That((back.FacilitatorAway, back.FacilitatorLeftAt, back.Timer.RemainingSeconds(T0.AddSeconds(310))), Is.EqualTo((false, (DateTimeOffset?)null, 130)));

        var stopped = Must(MeetingFlow.Stop(s, Ctx(Facilitator, T0.AddSeconds(15))));
        Assert.That(Must(MeetingFlow.FacilitatorOverdue(stopped, Ctx(Facilitator, T0.AddSeconds(100)), grace)).Timer.PausedAt, Is.EqualTo(T0.AddSeconds(15)), "already paused: kept");
        Assert.That(Must(MeetingFlow.FacilitatorLeft(new MeetingState(), Ctx(Facilitator))).FacilitatorLeftAt, Is.Null, "the lobby does not wait");
    }

    [Test]
    public void Lobby_OpensAtItsTime_OrEarlyByTheFacilitatorOnly()
    {
        var lobby = new MeetingState();
        Assert.That(MeetingFlow.LobbyIsOpen(lobby, T0, T0.AddSeconds(-1)), Is.False);
        Assert.That(MeetingFlow.LobbyIsOpen(lobby, T0, T0), Is.True);
        Assert.That(MeetingFlow.OpenLobby(lobby, Ctx(Sam)).Error, Does.Contain("Only the facilitator"));
        var open = Must(MeetingFlow.OpenLobby(lobby, Ctx(Facilitator)));
        Assert.That(MeetingFlow.LobbyIsOpen(open, T0, T0.AddDays(-1)), Is.True);
        var started = Must(MeetingFlow.Start(lobby, Ctx(Facilitator)));
        Assert.That(MeetingFlow.LobbyIsOpen(started, T0, T0.AddDays(-1)), Is.True, "a meeting under way is always open");
        Assert.That(MeetingFlow.OpenLobby(started, Ctx(Facilitator)).Error, Does.Contain("already started"));
    }

    [Test]
    public void ProposeAllocation_ReordersBeyondBidOrder_FacilitatorOnly_Validated()
    {
        var s = Must(MeetingFlow.Start(new MeetingState(), Ctx(Facilitator)));
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        s = s with { Turn = 2 };
        s = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        Assert.That(s.Phase, Is.EqualTo(MeetingPhase.Bidding));
        var bids = new[] { new BidView { MemberId = Sam, Minutes = 20 }, new BidView { MemberId = Priya, Minutes = 30 }, new BidView { MemberId = Jo, Minutes = 10 } };
        s = Must(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator, bids: bids), [new PresenterSlot(Sam, 20), new PresenterSlot(Priya, 30), new PresenterSlot(Jo, 10)]));
        s = Must(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator, bids: bids), [new PresenterSlot(Jo, 15), new PresenterSlot(Sam, 20), new PresenterSlot(Priya, 25)]));
        Assert.That(s.Presenters, Is.EqualTo(new[] { new PresenterSlot(Jo, 15), new PresenterSlot(Sam, 20), new PresenterSlot(Priya, 25) }), "order and time as proposed, not as bid");

        Assert.That(MeetingFlow.ProposeAllocation(s, Ctx(Sam, bids: bids), [new PresenterSlot(Sam, 20)]).Error, Does.Contain("Only the facilitator"));
        Assert.That(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator, bids: bids), [new PresenterSlot(Sam, 20), new PresenterSlot(Sam, 20)]).Error, Does.Contain("once"));
        Assert.That(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator, bids: bids), [new PresenterSlot(99, 20)]).Error, Does.Contain("Only set members"));
        Assert.That(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator, bids: bids), [new PresenterSlot(Sam, 4)]).Error, Does.Contain("between 5 and 90"));
        Assert.That(MeetingFlow.ProposeAllocation(s, Ctx(Facilitator, bids: bids), [new PresenterSlot(Sam, 91)]).Error, Does.Contain("between 5 and 90"));

        var presenting = Must(MeetingFlow.Next(s, Ctx(Facilitator)));
        Assert.That(presenting.Presenter, Is.EqualTo(Jo), "the meeting follows the proposed order");
        Assert.That(MeetingFlow.ProposeAllocation(presenting, Ctx(Facilitator, bids: bids), [new PresenterSlot(Sam, 20)]).Error, Does.Contain("during bids"));
    }

    [Test]
    public void TimerRunningOut_NeverChangesThePhase()
    {
        var s = Must(MeetingFlow.Start(new MeetingState(), Ctx(Facilitator)));
        Assert.That(s.Timer.RemainingSeconds(T0.AddHours(1)), Is.LessThan(0));
        Assert.That(s.Phase, Is.EqualTo(MeetingPhase.Opening));
    }

    [Test]
    public void Hands_QueueInOrder_FacilitatorTakesTheFirst()
    {
        var s = Must(MeetingFlow.Start(new MeetingState(), Ctx(Facilitator)));
        s = Must(MeetingFlow.RaiseHand(s, Ctx(Priya)));
        s = Must(MeetingFlow.RaiseHand(s, Ctx(Sam)));
        s = Must(MeetingFlow.RaiseHand(s, Ctx(Priya)));
        Assert.That(s.Hands, Is.EqualTo(new[] { Priya, Sam }));
        Assert.That(MeetingFlow.ClearHand(s, Ctx(Sam), null).Error, Is.Not.Null);
        s = Must(MeetingFlow.ClearHand(s, Ctx(Facilitator), null));
        Assert.That(s.Hands, Is.EqualTo(new[] { Sam }));
        s = Must(MeetingFlow.LowerHand(s, Ctx(Sam)));
        Assert.That(s.Hands, Is.Empty);
    }

    [TestCase(MeetingPhase.Lobby, Sam, true)]
    [TestCase(MeetingPhase.Lobby, Facilitator, true)]
    [TestCase(MeetingPhase.Opening, Facilitator, true)]
    [TestCase(MeetingPhase.Opening, Sam, false)]
    [TestCase(MeetingPhase.Presentation, Sam, true)]
    [TestCase(MeetingPhase.Presentation, Priya, false)]
    [TestCase(MeetingPhase.Presentation, Facilitator, false)]
    [TestCase(MeetingPhase.OpenQuestions, Priya, true)]
    [TestCase(MeetingPhase.Closed, Facilitator, false)]
    public void Posting_FollowsThePhase(MeetingPhase phase, long who, bool allowed)
    {
        var s = new MeetingState { Phase = phase, Presenters = [new PresenterSlot(Sam, 20)] };
        Assert.That(MeetingFlow.MayPost(s, who, who == Facilitator, who != Facilitator), Is.EqualTo(allowed));
    }

    [Test]
    public void Posting_InARound_IsTheSpeakerAndFacilitator_AndEveryoneWhileStopped()
    {
        var s = new MeetingState { Phase = MeetingPhase.CheckIn, Round = [Sam, Priya], Turn = 1 };
        Assert.That(MeetingFlow.MayPost(s, Priya, false, true), Is.True);
        Assert.That(MeetingFlow.MayPost(s, Sam, false, true), Is.False);
        Assert.That(MeetingFlow.MayPost(s with { Stopped = true }, Sam, false, true), Is.True);
        Assert.That(MeetingFlow.Pass(s, Ctx(Sam)).Error, Is.Not.Null, "only the speaker passes");
    }

    [TestCase(3, 1, "The set needs 3 members here to start; 1 is here.")]
    [TestCase(1, 0, "The set needs 1 member here to start; 0 are here.")]
    [TestCase(4, 2, "The set needs 4 members here to start; 2 are here.")]
    public void TheQuorumMessage_NeverSaysOneAre(int quorum, int present, string expected) =>
        Assert.That(MeetingFlow.QuorumNotMet(quorum, present), Is.EqualTo(expected));
}
