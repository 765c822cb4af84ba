using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResponseDrafter.Documents.Assembly;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Markup;

/// <summary>
/// The numbering definitions behind markup lists: one abstract definition per list kind (found again by name when
/// the template already has it), one shared instance for bullets, and a new instance per numbered list so each
/// numbered list restarts at its own first number.
/// </summary>
internal sealed class ListNumbering(ListNumbering.Source source)
{
    private const string BulletName = "ResponseDrafter bullets";
    private const string NumberName = "ResponseDrafter numbers";
    private const int Indent = 360;

    private readonly StringBuilder instances = new();
    private int lastInstance = source.LastInstance;
    private int? bulletInstance;
    private bool bulletsUsed;
    private bool numbersUsed;

    /// <summary>
    /// The template's numbering part cut where abstract definitions and instances go (the schema puts every
    /// abstractNum before every num), with our two abstract definitions: found in the template, or to be added.
    /// </summary>
    internal sealed record Source(string? PartName, string[] Pieces, Definition Bullets, Definition Numbers, int LastInstance)
    {
        public static Source Compile(MainDocumentPart mainPart)
        {
            var part = mainPart.NumberingDefinitionsPart;
            var numbering = (W.Numbering?)part?.Numbering?.CloneNode(true) ?? new W.Numbering();
            var abstracts = numbering.Elements<W.AbstractNum>().ToList();
            var nextId = abstracts.Select(a => a.AbstractNumberId?.Value ?? 0).DefaultIfEmpty(-1).Max() + 1;
            var bullets = Find(abstracts, BulletName) ?? new Definition(nextId++, AbstractDefinition(BulletName, nextId - 1));
            var numbers = Find(abstracts, NumberName) ?? new Definition(nextId, AbstractDefinition(NumberName, nextId));
            var lastInstance = numbering.Elements<W.NumberingInstance>().Select(n => n.NumberID?.Value ?? 0).DefaultIfEmpty(0).Max();

            var definitionsSlot = PartXml.Slot(numbering, abstracts.LastOrDefault() ?? (OpenXmlElement?)numbering.Elements<W.NumberingPictureBullet>().LastOrDefault());
            PartXml.Slot(numbering, numbering.Elements<W.NumberingInstance>().LastOrDefault() ?? definitionsSlot);
            return new Source(part?.Uri.OriginalString, PartXml.Split(numbering), bullets, numbers, lastInstance);
        }

        private static Definition? Find(List<W.AbstractNum> abstracts, string name) =>
            abstracts.FirstOrDefault(a => a.GetFirstChild<W.AbstractNumDefinitionName>()?.Val?.Value == name)?.AbstractNumberId?.Value is { } id
                ? new Definition(id, null)
                : null;
    }

    /// <summary>An abstract definition's id, and its XML when the template lacks it.</summary>
    internal sealed record Definition(int Id, string? Xml);

    public int BulletInstance()
    {
        bulletsUsed = true;
        return bulletInstance ??= AddInstance(source.Bullets.Id, null);
    }

    public int NewNumberedInstance(int level, int start)
    {
        numbersUsed = true;
        return AddInstance(source.Numbers.Id, string.Create(CultureInfo.InvariantCulture,
            $"<w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride>"));
    }

    /// <summary>Writes the numbering part when a list was written.</summary>
    public void Save(LetterPackage package, string mainPart)
    {
        if (instances.Length == 0)
        {
            return;
        }

        var xml = new StringBuilder(source.Pieces[0], source.Pieces.Sum(p => p.Length) + instances.Length + 1024);
        xml.Append(bulletsUsed ? source.Bullets.Xml : null).Append(numbersUsed ? source.Numbers.Xml : null);
        xml.Append(source.Pieces[1]).Append(instances).Append(source.Pieces[2]);
        var name = source.PartName ?? package.NewRelatedPart(mainPart, "numbering", PartTypes.Numbering);
        package.Write(name, xml, PartTypes.Numbering.ContentType);
    }

    private int AddInstance(int abstractId, string? levelOverride)
    {
        var id = ++lastInstance;
        instances.Append(CultureInfo.InvariantCulture, $"<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{abstractId}\"/>")
            .Append(levelOverride)
            .Append("</w:num>");
        return id;
    }

    private static string AbstractDefinition(string name, int id)
    {
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
        return definition.OuterXml;
    }

    private static W.Level Level(int index, W.NumberFormatValues format, string text) =>
        new(
            new W.StartNumberingValue { Val = 1 },
            new W.NumberingFormat { Val = format },
            new W.LevelText { Val = text },
            new W.LevelJustification { Val = W.LevelJustificationValues.Left },
            new W.PreviousParagraphProperties(new W.Indentation { Left = ((index + 1) * 2 * Indent).ToString(CultureInfo.InvariantCulture), Hanging = Indent.ToString(CultureInfo.InvariantCulture) }))
        {
            LevelIndex = index,
        };
}
