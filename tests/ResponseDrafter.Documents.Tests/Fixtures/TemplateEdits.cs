using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Tests.Fixtures;

/// <summary>What an OPCC does to the template in Word: new fonts, margins, colours, text outside the controls.</summary>
public static class TemplateEdits
{
    public static byte[] Restyled(byte[] docx) => WordDocuments.Edit(docx, document =>
    {
        var main = document.MainDocumentPart!;
        var normal = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Normal");
        normal.StyleRunProperties!.PrependChild(new RunFonts { Ascii = "Georgia", HighAnsi = "Georgia" });
        var heading = main.StyleDefinitionsPart.Styles.Elements<Style>().Single(s => s.StyleId == "Heading1");
        heading.StyleRunProperties!.GetFirstChild<Color>()!.Val = "7B2C83";

        var margins = main.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        margins.Left = 1701;
        margins.Right = 1418;
        margins.Top = 1985;

        var salutation = WordDocuments.Control(document, "salutation").Ancestors<Paragraph>().First();
        salutation.InsertBeforeSelf(new Paragraph(new Run(new Text("PRIVATE AND CONFIDENTIAL"))));
    });
}
