using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// The numbering definitions behind markup lists: one abstract definition per list kind (found again by name when
/// the document already has it), one shared instance for bullets, and a new instance per numbered list so each
/// numbered list restarts at its own first number.
/// </summary>
internal sealed class ListNumbering(MainDocumentPart mainPart)
{
    private const string BulletName = "ResponseDrafter bullets";
    private const string NumberName = "ResponseDrafter numbers";
    private const int Indent = 360;

    private int? bulletInstance;

    public int BulletInstance() => bulletInstance ??= AddInstance(AbstractDefinition(BulletName), null);

    public int NewNumberedInstance(int level, int start) =>
        AddInstance(AbstractDefinition(NumberName), new W.LevelOverride(new W.StartOverrideNumberingValue { Val = start }) { LevelIndex = level });

    private W.Numbering Numbering
    {
        get
        {
            var part = mainPart.NumberingDefinitionsPart ?? mainPart.AddNewPart<NumberingDefinitionsPart>();
            return part.Numbering ??= new W.Numbering();
        }
    }

    private int AbstractDefinition(string name)
    {
        var numbering = Numbering;
        var existing = numbering.Elements<W.AbstractNum>()
            .FirstOrDefault(a => a.GetFirstChild<W.AbstractNumDefinitionName>()?.Val?.Value == name);
        if (existing?.AbstractNumberId?.Value is { } existingId)
        {
            return existingId;
        }

        var id = numbering.Elements<W.AbstractNum>().Select(a => a.AbstractNumberId?.Value ?? 0).DefaultIfEmpty(-1).Max() + 1;
        var levels = name == BulletName
            ? new[] { Level(0, W.NumberFormatValues.Bullet, "\u2022"), Level(1, W.NumberFormatValues.Bullet, "\u25E6") }
            : [Level(0, W.NumberFormatValues.Decimal, "%1."), Level(1, W.NumberFormatValues.LowerLetter, "%2)")];
        var definition = new W.AbstractNum(
            new W.MultiLevelType { Val = W.MultiLevelValues.HybridMultilevel },
            new W.AbstractNumDefinitionName { Val = name })
        {
            AbstractNumberId = id,
        };
        definition.Append(levels);
        InsertAfterLast(numbering, definition, numbering.Elements<W.AbstractNum>().LastOrDefault() ?? (OpenXmlElement?)numbering.Elements<W.NumberingPictureBullet>().LastOrDefault());
        return id;
    }

    private static W.Level Level(int index, W.NumberFormatValues format, string text) =>
        new(
            new W.StartNumberingValue { Val = 1 },
            new W.NumberingFormat { Val = format },
            new W.LevelText { Val = text },
            new W.LevelJustification { Val = W.LevelJustificationValues.Left },
            new W.PreviousParagraphProperties(new W.Indentation { Left = ((index + 1) * 2 * Indent).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = Indent.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            LevelIndex = index,
        };

    private int AddInstance(int abstractId, W.LevelOverride? levelOverride)
    {
        var numbering = Numbering;
        var id = numbering.Elements<W.NumberingInstance>().Select(n => n.NumberID?.Value ?? 0).DefaultIfEmpty(0).Max() + 1;
        var instance = new W.NumberingInstance(new W.AbstractNumId { Val = abstractId }) { NumberID = id };
        if (levelOverride is not null)
        {
            instance.Append(levelOverride);
        }

        InsertAfterLast(numbering, instance, numbering.Elements<W.NumberingInstance>().LastOrDefault() ?? (OpenXmlElement?)numbering.Elements<W.AbstractNum>().LastOrDefault());
        return id;
    }

    // The schema orders w:numbering as picture bullets, then every abstractNum, then every num; AddChild would
    // replace an existing element of the same type rather than add another, so the place is chosen here.
    private static void InsertAfterLast(W.Numbering numbering, OpenXmlElement element, OpenXmlElement? previous)
    {
        if (previous is null)
        {
            numbering.PrependChild(element);
        }
        else
        {
            numbering.InsertAfter(element, previous);
        }
    }
}
