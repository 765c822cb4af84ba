using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ResponseDrafter.Documents.Templates;

/// <summary>A tagged content control found in a template, with where it is and the tagged control it sits in.</summary>
internal sealed record FoundControl(SdtElement Sdt, string Tag, TagSpec? Spec, string Part, bool InBody, string Location, FoundControl? Parent);

/// <summary>Finds every tagged control in a template and checks it against the vocabulary, reporting all problems.</summary>
internal static class TemplateInspector
{
    public static IReadOnlyList<TemplateProblem> Inspect(WordprocessingDocument document)
    {
        var mainPart = document.MainDocumentPart;
        if (mainPart?.Document?.Body is not { } body)
        {
            return [new TemplateProblem(string.Empty, "file", "The file has no document body; it is not a Word document.")];
        }

        var controls = new List<FoundControl>();
        Walk(body, "body", inBody: true, paragraph: 0, parent: null, controls);
        foreach (var (part, name) in HeadersAndFooters(mainPart))
        {
            if (part.RootElement is { } root)
            {
                Walk(root, name, inBody: false, paragraph: 0, parent: null, controls);
            }
        }

        return Check(controls);
    }

    private static IEnumerable<(OpenXmlPart Part, string Name)> HeadersAndFooters(MainDocumentPart mainPart)
    {
        var headerNumber = 0;
        foreach (var header in mainPart.HeaderParts)
        {
            yield return (header, $"header {++headerNumber}");
        }

        var footerNumber = 0;
        foreach (var footer in mainPart.FooterParts)
        {
            yield return (footer, $"footer {++footerNumber}");
        }
    }

    /// <summary>Visits controls in document order, counting paragraphs so each control can be located.</summary>
    private static int Walk(OpenXmlElement element, string part, bool inBody, int paragraph, FoundControl? parent, List<FoundControl> found)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Paragraph:
                    paragraph++;
                    Walk(child, part, inBody, paragraph, parent, found);
                    break;
                case SdtElement sdt when sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value is { Length: > 0 } tag:
                    var at = sdt is SdtRun ? paragraph : paragraph + 1;
                    var location = parent is null ? $"{part}, paragraph {at}" : $"{part}, paragraph {at}, inside '{parent.Tag}'";
                    var control = new FoundControl(sdt, tag, TemplateVocabulary.Find(tag), part, inBody, location, parent);
                    found.Add(control);
                    paragraph = Walk(child, part, inBody, paragraph, control.Spec is null ? parent : control, found);
                    break;
                case Run or ParagraphProperties or RunProperties or SectionProperties or TableProperties or TableGrid or SdtProperties:
                    break;
                default:
                    paragraph = Walk(child, part, inBody, paragraph, parent, found);
                    break;
            }
        }

        return paragraph;
    }

    private static List<TemplateProblem> Check(List<FoundControl> controls)
    {
        var problems = new List<TemplateProblem>();
        foreach (var control in controls)
        {
            CheckOne(control, problems);
        }

        CheckDuplicates(controls, problems);
        CheckRequiredChildren(controls, problems);
        CheckRequiredTopLevel(controls, problems);
        return problems;
    }

    private static void CheckOne(FoundControl control, List<TemplateProblem> problems)
    {
        void Report(string message) => problems.Add(new TemplateProblem(control.Tag, control.Location, message));

        if (control.Spec is not { } spec)
        {
            var near = TemplateVocabulary.All.FirstOrDefault(s => string.Equals(s.Tag, control.Tag, StringComparison.OrdinalIgnoreCase));
            Report(near is null
                ? $"Unknown tag '{control.Tag}': it is not in the tag vocabulary (see templates/README.md)."
                : $"Unknown tag '{control.Tag}': tags are case-sensitive; did you mean '{near.Tag}'?");
            return;
        }

        switch (control.Sdt)
        {
            case SdtRow or SdtCell:
                Report($"'{spec.Tag}' is on a table row or cell; put the control inside the cell instead.");
                return;
            case SdtRun when spec.Level == TagLevel.Block:
                Report($"'{spec.Tag}' must be a block-level control (around whole paragraphs), but it is inside a paragraph.");
                break;
            case SdtBlock when spec.Level == TagLevel.Inline:
                Report($"'{spec.Tag}' must be an inline control (inside a paragraph), but it wraps whole paragraphs.");
                break;
        }

        if (!control.InBody && !spec.AllowedInHeaderOrFooter)
        {
            Report($"'{spec.Tag}' may only be used in the body of the document, not in a {control.Part.Split(' ')[0]}.");
        }
        else if (spec.Parents.Count == 0 && control.Parent is not null)
        {
            Report($"'{spec.Tag}' belongs at the top level of the document, not inside '{control.Parent.Tag}'.");
        }
        else if (spec.Parents.Count > 0 && (control.Parent is null || !spec.Parents.Contains(control.Parent.Tag)))
        {
            var expected = string.Join("' or '", spec.Parents);
            Report($"'{spec.Tag}' must be inside '{expected}'{(control.Parent is null ? string.Empty : $", not inside '{control.Parent.Tag}'")}.");
        }
    }

    private static void CheckDuplicates(List<FoundControl> controls, List<TemplateProblem> problems)
    {
        var seen = new Dictionary<(FoundControl? Parent, string Tag), FoundControl>();
        foreach (var control in controls)
        {
            if (control.Spec is null || control.Spec.Repeatable)
            {
                continue;
            }

            if (seen.TryGetValue((control.Parent, control.Tag), out var first))
            {
                var where = control.Parent is null ? "the document" : $"one '{control.Parent.Tag}'";
                problems.Add(new TemplateProblem(control.Tag, control.Location, $"'{control.Tag}' appears more than once in {where} (first at {first.Location}); keep one."));
            }
            else
            {
                seen.Add((control.Parent, control.Tag), control);
            }
        }
    }

    private static void CheckRequiredChildren(List<FoundControl> controls, List<TemplateProblem> problems)
    {
        var childrenOf = controls.Where(c => c.Parent is not null).ToLookup(c => c.Parent!);
        foreach (var container in controls.Where(c => c.Spec?.Kind is TagKind.Region or TagKind.Item))
        {
            var present = childrenOf[container].Select(c => c.Tag).ToHashSet(StringComparer.Ordinal);
            foreach (var spec in TemplateVocabulary.All.Where(s => s.Required && s.Parents.Contains(container.Tag) && !present.Contains(s.Tag)))
            {
                var message = spec.Kind == TagKind.Item
                    ? $"Repeating region '{container.Tag}' has no item template: put one '{spec.Tag}' control inside it, holding what repeats."
                    : $"Required tag '{spec.Tag}' ({spec.Alias}) is missing inside '{container.Tag}'.";
                problems.Add(new TemplateProblem(spec.Tag, container.Location, message));
            }
        }
    }

    private static void CheckRequiredTopLevel(List<FoundControl> controls, List<TemplateProblem> problems)
    {
        var present = controls.Select(c => c.Tag).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in TemplateVocabulary.All.Where(s => s.Required && s.Parents.Count == 0 && !present.Contains(s.Tag)))
        {
            problems.Add(new TemplateProblem(spec.Tag, "document", $"Required tag '{spec.Tag}' ({spec.Alias}) is missing from the template."));
        }
    }
}
