using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Tests.Workflow;

[TestClass]
public sealed class DraftWorkflowRulesTests
{
    private static readonly IReadOnlyList<ApprovalStage> TwoStages = [Stage("Policy", 10), Stage("Commissioner", 3)];

    [TestMethod]
    public void ADraftBeingDraftedCanBeEditedAndSubmittedButNotDecidedSentOrPublished()
    {
        foreach (var state in new[] { DraftState.Drafting, DraftState.ChangesRequested })
        {
            Assert.IsTrue(DraftWorkflow.IsLegal(state, WorkflowAction.Edit), $"{state}: edit");
            Assert.IsTrue(DraftWorkflow.IsLegal(state, WorkflowAction.Submit), $"{state}: submit");
            Assert.AreEqual("This draft is not awaiting a decision: it has not been submitted since it last changed.", DraftWorkflow.Refusal(state, WorkflowAction.Decide));
            Assert.AreEqual("Only an approved letter can be dispatched.", DraftWorkflow.Refusal(state, WorkflowAction.Dispatch));
            Assert.AreEqual("Publication can be recorded once the letter has been dispatched.", DraftWorkflow.Refusal(state, WorkflowAction.Publish));
        }
    }

    [TestMethod]
    public void ADraftWithItsApproversCanBeDecidedOnOrWithdrawnByAnEditButNotSubmittedAgain()
    {
        foreach (var state in new[] { DraftState.InReview, DraftState.AwaitingApproval })
        {
            Assert.IsTrue(DraftWorkflow.IsLegal(state, WorkflowAction.Decide), $"{state}: decide");
            Assert.IsTrue(DraftWorkflow.IsLegal(state, WorkflowAction.Edit), $"{state}: an edit withdraws it");
            StringAssert.StartsWith(DraftWorkflow.Refusal(state, WorkflowAction.Submit), "This draft is already with its approvers.");
            Assert.IsFalse(DraftWorkflow.IsLegal(state, WorkflowAction.Dispatch), $"{state}: dispatch");
        }
    }

    [TestMethod]
    public void AnApprovedLetterCanBeSentOrEditedButNothingIsLeftToDecide()
    {
        Assert.IsTrue(DraftWorkflow.IsLegal(DraftState.Approved, WorkflowAction.Dispatch));
        Assert.IsTrue(DraftWorkflow.IsLegal(DraftState.Approved, WorkflowAction.Edit), "an edit voids the approval");
        Assert.AreEqual("This draft is approved: there is nothing left to decide.", DraftWorkflow.Refusal(DraftState.Approved, WorkflowAction.Decide));
        Assert.AreEqual("A draft that is approved cannot be submitted.", DraftWorkflow.Refusal(DraftState.Approved, WorkflowAction.Submit));
        Assert.IsFalse(DraftWorkflow.IsLegal(DraftState.Approved, WorkflowAction.Publish));
    }

    [TestMethod]
    public void ALetterSentToTheHomeOfficeCanNoLongerChangeAndIsPublishedOnce()
    {
        foreach (var state in new[] { DraftState.Dispatched, DraftState.Published })
        {
            Assert.AreEqual("The letter has been sent to the Home Office, so the draft can no longer change.", DraftWorkflow.Refusal(state, WorkflowAction.Edit));
            Assert.AreEqual("This letter has already been dispatched.", DraftWorkflow.Refusal(state, WorkflowAction.Dispatch));
        }

        Assert.IsTrue(DraftWorkflow.IsLegal(DraftState.Dispatched, WorkflowAction.Publish));
        Assert.AreEqual("The publication has already been recorded.", DraftWorkflow.Refusal(DraftState.Published, WorkflowAction.Publish));
    }

    [TestMethod]
    public void ADraftWalksFromDraftingToPublishedOneTransitionAtATime()
    {
        var draft = new Draft();

        draft.SendToStage(0, TwoStages, []);
        Assert.AreEqual((DraftState.InReview, (int?)0), (draft.State, draft.Stage));
        draft.AdvanceTo(1, TwoStages.Count);
        Assert.AreEqual((DraftState.AwaitingApproval, (int?)1), (draft.State, draft.Stage));
        draft.Approve();
        Assert.AreEqual((DraftState.Approved, (int?)null), (draft.State, draft.Stage));
        draft.MarkDispatched(new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc), "<message@x>");
        Assert.AreEqual(DraftState.Dispatched, draft.State);
        draft.Publish(new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc),
            new PublishedPackage("https://opcc.example/letter.pdf", "https://opcc.example/letter", new string('a', 64), new string('b', 64), null));
        Assert.AreEqual(DraftState.Published, draft.State);
        Assert.AreEqual("https://opcc.example/letter.pdf", draft.PublishedLetterUrl);
        Assert.AreEqual("https://opcc.example/letter", draft.PublishedWebUrl);
    }

    [TestMethod]
    public void AnApproversEditSendsAVersionBackToAnEarlierStageWithoutLeavingSignOff()
    {
        var draft = new Draft();
        draft.SendToStage(0, TwoStages, []);
        draft.AdvanceTo(1, TwoStages.Count);

        draft.SendToStage(0, TwoStages, []);

        Assert.AreEqual((DraftState.InReview, (int?)0), (draft.State, draft.Stage));
    }

    [TestMethod]
    public void ChangesRequestedAndAnEditBothReturnTheDraftToItsDrafters()
    {
        var draft = new Draft();
        draft.SendToStage(0, TwoStages, []);

        draft.RequestChanges();
        Assert.AreEqual((DraftState.ChangesRequested, (int?)null), (draft.State, draft.Stage));
        draft.SendToStage(0, TwoStages, []);
        draft.ReturnToDrafting();
        Assert.AreEqual((DraftState.Drafting, (int?)null), (draft.State, draft.Stage));
    }

    [TestMethod]
    public void AMoveTheStateMachineDoesNotAllowFailsLoudlyAndChangesNothing()
    {
        var sent = new Draft { State = DraftState.Dispatched };
        var drafting = new Draft();

        Assert.ThrowsExactly<InvalidOperationException>(sent.ReturnToDrafting);
        Assert.ThrowsExactly<InvalidOperationException>(drafting.Approve);
        Assert.ThrowsExactly<InvalidOperationException>(() => drafting.Publish(DateTime.UtcNow, new PublishedPackage("https://a.example/l.pdf", "https://a.example/l", "a", "b", null)));
        Assert.AreEqual(DraftState.Dispatched, sent.State);
        Assert.AreEqual(DraftState.Drafting, drafting.State);
    }

    [TestMethod]
    public void TheLastStageIsAwaitingApprovalAndEarlierStagesAreInReview()
    {
        Assert.AreEqual(DraftState.InReview, DraftWorkflow.StateAt(0, 2));
        Assert.AreEqual(DraftState.AwaitingApproval, DraftWorkflow.StateAt(1, 2));
        Assert.AreEqual(DraftState.AwaitingApproval, DraftWorkflow.StateAt(0, 1));
    }

    [TestMethod]
    public void StagesAreDueTheirOffsetBeforeTheStatutoryDeadlineButNeverBeforeToday()
    {
        var stages = new[] { Stage("Policy", 14), Stage("Commissioner", 5) };

        var schedule = DraftWorkflow.Schedule(stages, new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 20));

        Assert.AreEqual(new DateOnly(2026, 12, 20), schedule[0].DueOn);
        Assert.AreEqual(new DateOnly(2026, 12, 26), schedule[1].DueOn);
    }

    [TestMethod]
    public void AnAnyStageNeedsOneApprovalAndAnAllStageNeedsEveryApprover()
    {
        var a = new Person("a", "A", "a@x.example");
        var b = new Person("b", "B", "b@x.example");
        var approvedByA = new[] { new Decision { Kind = DecisionKind.Approved, By = a } };

        Assert.IsTrue(DraftWorkflow.StageSatisfied(new ApprovalStage("S", [a, b], ApprovalRule.Any, 0), approvedByA));
        Assert.IsFalse(DraftWorkflow.StageSatisfied(new ApprovalStage("S", [a, b], ApprovalRule.All, 0), approvedByA));
        Assert.IsTrue(DraftWorkflow.StageSatisfied(new ApprovalStage("S", [a, b], ApprovalRule.All, 0),
            [.. approvedByA, new Decision { Kind = DecisionKind.Approved, By = new Person("d", "Deputy", ""), OnBehalfOf = b }]));
    }

    [TestMethod]
    public void AVoidedApprovalNoLongerCounts()
    {
        var a = new Person("a", "A", "a@x.example");

        Assert.IsFalse(DraftWorkflow.StageSatisfied(new ApprovalStage("S", [a], ApprovalRule.Any, 0),
            [new Decision { Kind = DecisionKind.Approved, By = a, VoidedAt = DateTime.UtcNow }]));
    }

    [TestMethod]
    public void ADeputyActsOnlyWithinTheDelegationsPeriodAndOnlyForAnApproverOfTheStage()
    {
        var approver = new Person("c", "Commissioner", "c@x.example");
        var deputy = new Person("d", "Deputy", "d@x.example");
        var stage = new ApprovalStage("Commissioner", [approver], ApprovalRule.Any, 0);
        var delegation = new Delegation { Id = Guid.NewGuid(), Approver = approver, Deputy = deputy, From = new(2026, 11, 1), Until = new(2026, 11, 30) };

        var acting = DraftWorkflow.Acting(stage, deputy, [delegation], new DateOnly(2026, 11, 23));

        Assert.AreEqual(approver, acting?.Approver);
        Assert.IsTrue(acting!.IsDeputy);
        Assert.IsNull(DraftWorkflow.Acting(stage, deputy, [delegation], new DateOnly(2026, 12, 1)));
        Assert.IsNull(DraftWorkflow.Acting(new ApprovalStage("Other", [new Person("x", "X", "")], ApprovalRule.Any, 0), deputy, [delegation], new DateOnly(2026, 11, 23)));
    }

    [TestMethod]
    public void NobodyApprovesAVersionTheyWroteNorDoesTheirDeputy()
    {
        var author = new Person("c", "Commissioner", "");
        var version = new DraftVersion { Authors = [author] };

        Assert.IsNotNull(DraftWorkflow.AuthorshipRefusal(new ActingAs(author, author, null), version));
        Assert.IsNotNull(DraftWorkflow.AuthorshipRefusal(new ActingAs(new Person("d", "Deputy", ""), author, Guid.NewGuid()), version));
        Assert.IsNull(DraftWorkflow.AuthorshipRefusal(new ActingAs(new Person("h", "Head", ""), new Person("h", "Head", ""), null), version));
    }

    [TestMethod]
    public void OneRuleSaysWhoMayDecideAndWhyNot()
    {
        var today = new DateOnly(2026, 11, 23);
        var head = new Person("h", "Head of policy", "");
        var commissioner = new Person("c", "Commissioner", "");
        var drafter = new Person("w", "Writer", "");
        var signOff = new SignOffSettings { Stages = [new ApprovalStage("Policy", [head], ApprovalRule.Any, 10), new ApprovalStage("Commissioner", [commissioner], ApprovalRule.Any, 3)] };
        var draft = new Draft { State = DraftState.InReview, Stage = 0, VersionCount = 1 };
        var version = new DraftVersion { Number = 1, Authors = [drafter] };
        var holiday = new Delegation { Id = Guid.NewGuid(), Approver = head, Deputy = commissioner, From = today, Until = today };
        DecisionRight May(Person caller, Draft? d = null, DraftVersion? v = null, Decision[]? decisions = null, SignOffSettings? settings = null) =>
            DraftWorkflow.MayDecide(d ?? draft, v ?? version, settings ?? signOff, caller, [holiday], decisions ?? [], today);

        Assert.AreEqual(head, May(head).Acting?.Approver);
        Assert.AreEqual("Policy", May(head).Stage?.Name);
        Assert.IsTrue(May(commissioner).Acting!.IsDeputy, "The commissioner deputises for the head of policy today.");

        var stranger = May(drafter with { Id = "s" });
        Assert.IsTrue(stranger.Forbidden);
        Assert.AreEqual("You are not an approver at the current stage (Policy), nor anyone's deputy for it today.", stranger.Refusal);
        Assert.IsTrue(May(head, v: new DraftVersion { Number = 1, Authors = [head] }).Forbidden, "Nobody decides on what they wrote.");

        var notSubmitted = May(head, d: new Draft { State = DraftState.Drafting });
        Assert.IsFalse(notSubmitted.Forbidden, "A refusal about the draft's state is a conflict, not about the person.");
        Assert.IsNotNull(notSubmitted.Refusal);
        Assert.IsNotNull(May(head, settings: new SignOffSettings()).Refusal, "A chain without the draft's stage refuses.");
        Assert.AreEqual("A decision for Head of policy on version 1 at this stage is already recorded.",
            May(head, decisions: [new Decision { VersionNumber = 1, Stage = 0, Kind = DecisionKind.Approved, By = head }]).Refusal);
        Assert.IsNull(May(head, decisions: [new Decision { VersionNumber = 1, Stage = 0, Kind = DecisionKind.Approved, By = head, VoidedAt = DateTime.UtcNow }]).Refusal,
            "A voided decision does not count.");
    }

    [TestMethod]
    public void TheComparisonShowsParagraphsKeptRemovedAndAdded()
    {
        var changes = LetterText.Compare(["Dear Home Secretary", "Old wording.", "Yours sincerely"], ["Dear Home Secretary", "New wording.", "A new point.", "Yours sincerely"]);

        CollectionAssert.AreEqual(
            new[] { "= Dear Home Secretary", "- Old wording.", "+ New wording.", "+ A new point.", "= Yours sincerely" },
            changes.Select(c => (c.Kind switch { ChangeKind.Same => "= ", ChangeKind.Removed => "- ", _ => "+ " }) + c.Text).ToArray());
    }

    private static ApprovalStage Stage(string name, int daysBefore) => new(name, [new Person("p", "P", "p@x.example")], ApprovalRule.Any, daysBefore);
}
