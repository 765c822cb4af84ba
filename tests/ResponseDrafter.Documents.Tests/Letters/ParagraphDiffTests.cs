using System.Globalization;
using ResponseDrafter.Documents.Import;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Letters;

[TestClass]
public sealed class ParagraphDiffTests
{
    [TestMethod]
    public void OneChangedParagraphInFiveThousandIsOneRemovedAndOneAdded()
    {
        var before = Numbered(5000);
        var after = before.ToArray();
        after[2500] = "Paragraph 2500, reworded.";

        var changes = ParagraphDiff.Compare(before, after);

        Assert.HasCount(5001, changes);
        Assert.AreEqual(4999, changes.Count(c => c.Kind == ParagraphChangeKind.Unchanged));
        Expect.Sequence(changes.Skip(2500).Take(2).Select(Line), "- Paragraph 2500.", "+ Paragraph 2500, reworded.");
        Expect.Sequence(changes.Select(c => c.Text).Where((_, i) => i is < 2500 or > 2501), [.. before.Where((_, i) => i != 2500)]);
    }

    [TestMethod]
    public void AMovedParagraphIsRemovedWhereItWasAndAddedWhereItNowIs()
    {
        var changes = ParagraphDiff.Compare(["Dear Home Secretary", "Training.", "Referrals.", "Outcomes."], ["Dear Home Secretary", "Referrals.", "Outcomes.", "Training."]);

        Expect.Sequence(changes.Select(Line), "= Dear Home Secretary", "- Training.", "= Referrals.", "= Outcomes.", "+ Training.");
    }

    [TestMethod]
    public void EditsBetweenKeptParagraphsReadRemovedFirst()
    {
        var changes = ParagraphDiff.Compare(["Dear Home Secretary", "Old wording.", "Yours sincerely"], ["Dear Home Secretary", "New wording.", "A new point.", "Yours sincerely"]);

        Expect.Sequence(changes.Select(Line), "= Dear Home Secretary", "- Old wording.", "+ New wording.", "+ A new point.", "= Yours sincerely");
    }

    [TestMethod]
    public void AnEmptySideIsAllAddedOrAllRemoved()
    {
        Expect.Sequence(ParagraphDiff.Compare([], ["One.", "Two."]).Select(Line), "+ One.", "+ Two.");
        Expect.Sequence(ParagraphDiff.Compare(["One.", "Two."], []).Select(Line), "- One.", "- Two.");
        Assert.IsEmpty(ParagraphDiff.Compare([], []));
    }

    [TestMethod]
    public void ParagraphsThatTheKeyCallsTheSameAreKeptWithTheirRevisedText()
    {
        var changes = ParagraphDiff.Compare(["Training  starts.", "Referrals."], ["training starts.", "Referrals."], p => p.Replace("  ", " ", StringComparison.Ordinal).ToUpperInvariant());

        Expect.Sequence(changes.Select(Line), "= training starts.", "= Referrals.");
    }

    [TestMethod]
    public void LineBreaksInsideAParagraphDoNotSplitIt()
    {
        var changes = ParagraphDiff.Compare(["- first item\n  continued", "Closing."], ["- first item", "  continued", "Closing."]);

        Expect.Sequence(changes.Select(Line), "- - first item\n  continued", "+ - first item", "+   continued", "= Closing.");
    }

    [TestMethod]
    public void AssurancesBeyondTwoThousandParagraphsAreStillComparedIgnoringSpacing()
    {
        var previous = string.Join("\n\n", Numbered(3000));
        var revised = previous.Replace("Paragraph 10.", "Paragraph   10.", StringComparison.Ordinal).Replace("Paragraph 2999.", "Paragraph 2999, reworded.", StringComparison.Ordinal);

        var edits = AssuranceDiff.Compare(previous, revised).Where(c => c.Kind != ParagraphChangeKind.Unchanged);

        Expect.Sequence(edits.Select(Line), "- Paragraph 2999.", "+ Paragraph 2999, reworded.");
    }

    private static string[] Numbered(int count) =>
        [.. Enumerable.Range(0, count).Select(n => string.Create(CultureInfo.InvariantCulture, $"Paragraph {n}."))];

    private static string Line(ParagraphChange change) =>
        (change.Kind switch { ParagraphChangeKind.Unchanged => "= ", ParagraphChangeKind.Removed => "- ", _ => "+ " }) + change.Text;
}
