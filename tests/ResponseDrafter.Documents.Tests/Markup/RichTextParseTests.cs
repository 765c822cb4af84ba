using ResponseDrafter.Documents.Markup;

namespace ResponseDrafter.Documents.Tests.Markup;

[TestClass]
public sealed class RichTextParseTests
{
    private static string Parsed(string markup)
    {
        var result = RichText.Parse(markup);
        Assert.AreEqual("", string.Join("\n", result.Problems), $"unexpected problems in: {markup}");
        return Shape.Of(result.Blocks);
    }

    private static string Problems(string markup) => string.Join("\n", RichText.Parse(markup).Problems);

    [TestMethod]
    public void BlankLinesSeparateParagraphs() =>
        Assert.AreEqual("P(First.) / P(Second.)", Parsed("First.\n\n\nSecond."));

    [TestMethod]
    public void WrappedLinesFromAPdfJoinWithASpace() =>
        Assert.AreEqual("P(The force has made progress in this area.)", Parsed("The force has made\n   progress in this\narea.  "));

    [TestMethod]
    public void WindowsAndOldMacLineEndingsAreAccepted() =>
        Assert.AreEqual("P(one two) / P(three)", Parsed("one\r\ntwo\r\rthree"));

    [TestMethod]
    public void TrailingBackslashIsAHardLineBreak() =>
        Assert.AreEqual("P(Chief Constable<br>Dyfed-Powys Police)", Parsed("Chief Constable\\\nDyfed-Powys Police"));

    [TestMethod]
    public void TrailingBackslashAtTheEndOfAParagraphIsIgnored() =>
        Assert.AreEqual("P(Yours sincerely)", Parsed("Yours sincerely\\"));

    [TestMethod]
    public void EscapedBackslashAtTheEndOfALineIsLiteral() =>
        Assert.AreEqual("P(a\\ b)", Parsed("a\\\\\nb"));

    [TestMethod]
    public void BoldAndBothKindsOfItalicAreRecognised() =>
        Assert.AreEqual("P(B(bold), I(star) and I(underscore).)", Parsed("**bold**, *star* and _underscore_."));

    [TestMethod]
    public void ItalicNestsInsideBold() =>
        Assert.AreEqual("P(B(bold I(and italic)))", Parsed("**bold *and italic***"));

    [TestMethod]
    public void EmphasisMayRunAcrossAWrappedLine() =>
        Assert.AreEqual("P(B(not yet achieved) today)", Parsed("**not yet\nachieved** today"));

    [TestMethod]
    public void LinksKeepTheirAddressAndFormattedText() =>
        Assert.AreEqual(
            "P(See L(https://www.justiceinspectorates.gov.uk/hmicfrs/|the B(report)).)",
            Parsed("See [the **report**](https://www.justiceinspectorates.gov.uk/hmicfrs/)."));

    [TestMethod]
    public void MailtoLinksAreAllowed() =>
        Assert.AreEqual("P(L(mailto:opcc@example.police.uk|email us))", Parsed("[email us](mailto:opcc@example.police.uk)"));

    [TestMethod]
    public void LinkAddressMayContainBalancedParentheses() =>
        Assert.AreEqual("P(L(https://example.org/a_(b)|x))", Parsed("[x](https://example.org/a_(b))"));

    [TestMethod]
    public void BulletedListsNestOneLevelAndTakeContinuationLines() =>
        Assert.AreEqual(
            "P(Actions:) / Bulleted@1{first item continued|second itemBulleted@1{nested a|nested b}|third}",
            Parsed("Actions:\n- first item\n  continued\n- second item\n  - nested a\n  - nested b\n* third"));

    [TestMethod]
    public void NumberedListStartsAtItsFirstNumber() =>
        Assert.AreEqual("Numbered@3{third|fourth}", Parsed("3. third\n7. fourth"));

    [TestMethod]
    public void NumberedListMayNestALetteredList() =>
        Assert.AreEqual("Numbered@1{oneNumbered@1{a|b}|two}", Parsed("1. one\n   1. a\n   2. b\n2. two"));

    [TestMethod]
    public void BlankLinesBetweenItemsKeepOneList() =>
        Assert.AreEqual("Numbered@1{a|b} / P(After.)", Parsed("1. a\n\n2. b\n\nAfter."));

    [TestMethod]
    public void ChangingTheMarkerKindStartsANewList() =>
        Assert.AreEqual("Bulleted@1{a} / Numbered@1{b}", Parsed("- a\n1. b"));

    [TestMethod]
    public void ANumberStartingAWrappedLineStaysInTheParagraph() =>
        Assert.AreEqual("P(The inspection took place in 2021. The force responded.)", Parsed("The inspection took place in\n2021. The force responded."));

    [TestMethod]
    public void FootnoteDefinitionMayBeAnywhereAndCarryFormatting() =>
        Assert.AreEqual(
            "P(The reportF(1:See B(page 4) of L(https://example.org|the report).) says so.) / P(More.)",
            Parsed("The report[^1] says so.\n[^1]: See **page 4** of [the report](https://example.org).\n\nMore."));

    [TestMethod]
    public void FootnoteDefinitionContinuesOnFollowingLines() =>
        Assert.AreEqual("P(TextF(note:first line second line))", Parsed("[^note]: first line\nsecond line\n\nText[^note]"));

    [TestMethod]
    public void EscapesWriteMarkupCharactersLiterally() =>
        Assert.AreEqual("P(*not italic* _x_ [^1] [a](b) \\ `)", Parsed("\\*not italic\\* \\_x\\_ \\[^1\\] \\[a\\](b) \\\\ \\`"));

    [TestMethod]
    public void TabsInsideALineAreKept() =>
        Assert.AreEqual("P(Item\t£5,000)", Parsed("Item\t£5,000"));

    [TestMethod]
    [DataRow("2 * 3 = 6")]
    [DataRow("2*3*4")]
    [DataRow("2 ** 3")]
    [DataRow("snake_case_word and file_name_v2")]
    [DataRow("section 45(1) of the Act")]
    [DataRow("the Chief Constable's response")]
    [DataRow("ranked #1 in the region")]
    [DataRow("#1 priority for the force")]
    [DataRow("C# and F#")]
    [DataRow("a footnote marker at the end*")]
    [DataRow("x < 5 and y > 3; <5% of cases")]
    [DataRow("write to <commissioner@example.police.uk>")]
    [DataRow("the report [sic] and [redacted] (see above)")]
    [DataRow("published at https://www.example.gov.uk/_reports/some_page_(2021)*")]
    [DataRow("Signed: ____________")]
    [DataRow("- not a list -- just dashes")]
    [DataRow("50% of cases | most areas")]
    [DataRow("(a) first point; (b) second point")]
    [DataRow("4.2 The force should...")]
    [DataRow("Wow!")]
    public void OrdinaryProseIsNotAnError(string prose)
    {
        var result = RichText.Parse(prose);
        Assert.AreEqual("", string.Join("\n", result.Problems));
    }

    [TestMethod]
    public void OrdinaryProseKeepsItsCharacters() =>
        Assert.AreEqual("P(2 * 3 and 2*3*4 and snake_case_word and #1)", Parsed("2 * 3 and 2*3*4 and snake_case_word and #1"));

    [TestMethod]
    public void BareAddressIsTextNotEmphasis() =>
        Assert.AreEqual("P(see https://example.org/_a_ now)", Parsed("see https://example.org/_a_ now"));

    [TestMethod]
    [DataRow("# Our response", "line 1: headings ('#') are not supported; use a separate field or bold text")]
    [DataRow("Intro\n## Section", "line 2: headings ('#') are not supported; use a separate field or bold text")]
    [DataRow("Title\n===", "line 2: horizontal rules and underlined headings ('---', '***', '===') are not supported")]
    [DataRow("a\n\n---", "line 3: horizontal rules and underlined headings ('---', '***', '===') are not supported")]
    [DataRow("text\n> quoted", "line 2: block quotes ('>') are not supported; write the quotation as an ordinary paragraph in quotation marks")]
    [DataRow("```\nx", "line 1: code blocks ('```') are not supported")]
    [DataRow("use `code` here", "line 1: code ('`') is not supported; use quotation marks, or write \\` for a literal backtick")]
    [DataRow("![crest](https://example.org/crest.png)", "line 1: images ('![') are not supported; pictures belong in the template")]
    [DataRow("<b>bold</b>", "line 1: HTML tags ('<b>') are not supported; use **bold**, _italic_ or [text](https://...)")]
    [DataRow("ok\n<script src=\"x.js\">", "line 2: HTML tags ('<script>') are not supported; use **bold**, _italic_ or [text](https://...)")]
    [DataRow("a <!-- note -->", "line 1: HTML comments ('<!--') are not supported")]
    [DataRow("<https://example.org>", "line 1: automatic links ('<https://...>') are not supported; write [text](https://...)")]
    [DataRow("| Area | Grade |", "line 1: tables ('|' rows) are not supported; write the rows as a list")]
    [DataRow("Area | Grade\n--- | ---", "line 2: tables ('|' rows) are not supported; write the rows as a list")]
    [DataRow("+ item", "line 1: '+' bullets are not supported; start bulleted items with '- '")]
    [DataRow("1) item", "line 1: numbered items are written '1.' (a full stop), not '1)'")]
    [DataRow("- a\n  - b\n    - c", "line 3: lists can be nested only one level deep")]
    [DataRow("- a\n        - b", "line 2: lists can be nested only one level deep")]
    [DataRow("one\nthe **unclosed bold", "line 2: '**' (bold) is opened but never closed; close it with '**' at the end of a word, or write \\*\\* for literal asterisks")]
    [DataRow("**PCC**s", "line 1: '**' (bold) is opened but never closed; close it with '**' at the end of a word, or write \\*\\* for literal asterisks")]
    [DataRow("*italic", "line 1: '*' (italic) is opened but never closed; close it with '*' at the end of a word, or write \\* for a literal asterisk")]
    [DataRow("_italic", "line 1: '_' (italic) is opened but never closed; close it with '_' at the end of a word, or write \\_ for a literal underscore")]
    [DataRow("__bold__", "line 1: bold with underscores ('__') is not supported; write **bold**")]
    [DataRow("~~struck~~", "line 1: strikethrough ('~~') is not supported")]
    [DataRow("see note[^1]", "line 1: footnote [^1] is referred to but not defined; add a line '[^1]: footnote text'")]
    [DataRow("text\n\n[^a]: never used", "line 3: footnote [^a] is defined but never referred to")]
    [DataRow("x[^a]\n[^a]: one\n\n[^a]: two", "line 4: footnote [^a] is defined more than once")]
    [DataRow("x[^a] y[^a]\n[^a]: one", "line 1: footnote [^a] is referred to more than once; a Word footnote has one reference")]
    [DataRow("x[^a]\n[^a]:", "line 2: footnote [^a] has no text")]
    [DataRow("x[^a]\n[^a]: see[^b]", "line 2: a footnote cannot contain a footnote reference ([^b])")]
    [DataRow("[the report]()", "line 1: a link's address is empty; write the full address, e.g. [text](https://www.example.org)")]
    [DataRow("[](https://example.org)", "line 1: a link needs text between '[' and ']'")]
    [DataRow("[x](ftp://example.org/a)", "line 1: link address 'ftp://example.org/a' is not allowed; only http://, https:// and mailto: addresses can be linked")]
    [DataRow("[x](javascript:alert(1))", "line 1: link address 'javascript:alert(1)' is not allowed; only http://, https:// and mailto: addresses can be linked")]
    [DataRow("[x](www.example.org)", "line 1: link address 'www.example.org' is not allowed; only http://, https:// and mailto: addresses can be linked")]
    [DataRow("[x](https://example.org/a b)", "line 1: a link's address cannot contain spaces or line breaks ('https://example.org/a b')")]
    public void UnsupportedOrBrokenMarkupIsReportedWithItsLine(string markup, string expected) =>
        Assert.AreEqual(expected, Problems(markup));

    [TestMethod]
    public void CodeFenceIsReportedAtBothEnds() =>
        Assert.AreEqual(
            "line 2: code blocks ('```') are not supported\nline 4: code blocks ('```') are not supported",
            Problems("Text\n```\nvar x = 1;\n```"));

    [TestMethod]
    [DataRow("ok\nbell\u0007", "line 2: character U+0007 cannot be stored in a Word document")]
    [DataRow("form\ffeed", "line 1: character U+000C cannot be stored in a Word document")]
    [DataRow("a\n\nnot a char \uFFFF", "line 3: character U+FFFF cannot be stored in a Word document")]
    public void CharactersWordCannotStoreAreReportedWithLineAndCodePoint(string markup, string expected) =>
        Assert.AreEqual(expected, Problems(markup));

    [TestMethod]
    public void LoneSurrogateIsReportedWithItsCodePoint()
    {
        var markup = "lone " + (char)0xD800 + " surrogate";
        Assert.AreEqual("line 1: character U+D800 cannot be stored in a Word document", Problems(markup));
    }

    [TestMethod]
    public void SurrogatePairsAndTabsAreFine() =>
        Assert.AreEqual("P(emoji \U0001F600\tok)", Parsed("emoji \U0001F600\tok"));

    [TestMethod]
    public void EveryProblemInAFieldIsReportedInLineOrder() =>
        Assert.AreEqual(
            "line 1: headings ('#') are not supported; use a separate field or bold text\n" +
            "line 3: '**' (bold) is opened but never closed; close it with '**' at the end of a word, or write \\*\\* for literal asterisks\n" +
            "line 4: footnote [^9] is referred to but not defined; add a line '[^9]: footnote text'",
            Problems("# Title\n\nSome **bold\nand a note[^9]"));

    [TestMethod]
    public void ProblemReadsWithItsLineNumber() =>
        Assert.AreEqual("line 3: footnote [^x] has no text", new MarkupProblem(3, "footnote [^x] has no text").ToString());

    [TestMethod]
    public void TextFullOfStrayMarksIsStillParsedQuickly()
    {
        var hostile = string.Concat(Enumerable.Repeat("**a *b _c [d [^1 [x](", 1000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = RichText.Parse(hostile);

        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.AreNotEqual(0, result.Problems.Count);
    }

    [TestMethod]
    public void EmptyFieldHasNoBlocks() =>
        Assert.AreEqual("", Parsed("  \n\n"));
}
