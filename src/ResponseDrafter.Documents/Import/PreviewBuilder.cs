using System.Globalization;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;

namespace ResponseDrafter.Documents.Import;

/// <summary>Turns what the parser found into model records, and checks numbering, letters and addressees.</summary>
internal static class PreviewBuilder
{
    public static IReadOnlyList<Recommendation> Build(IReadOnlyList<PendingRecommendation> found, List<ImportWarning> warnings)
    {
        var numbers = AssignNumbers(found, warnings);
        CheckNumbering(found, numbers, warnings);
        return [.. found.Select((pending, k) => Build(pending, pending.Assigned = numbers[k], warnings))];
    }

    public static IEnumerable<ImportWarning> UnplacedWarnings(IReadOnlyList<(PastedParagraph Text, PendingRecommendation? After)> unplaced)
    {
        for (var k = 0; k < unplaced.Count; k++)
        {
            var after = unplaced[k].After;
            if (after is null)
            {
                continue;
            }

            var first = unplaced[k].Text.FirstLine;
            while (k + 1 < unplaced.Count && unplaced[k + 1].After == after)
            {
                k++;
            }

            var last = unplaced[k].Text.LastLine;
            var where = first == last ? $"Line {first}" : $"Lines {first}–{last}";
            var name = Describe(after.Kind, after.Assigned!);
            yield return new ImportWarning(ImportWarningKind.TextNotPlaced, after.Assigned, first,
                $"{where}, after {name}, could not be placed in any recommendation. If any of it belongs to {name}, add it there.");
        }
    }

    private static Recommendation Build(PendingRecommendation pending, string number, List<ImportWarning> warnings)
    {
        var text = pending.Text?.ToString() ?? string.Empty;
        var addressees = pending.Addressees.Count > 0 ? pending.Addressees : LeadAddressees(text);
        var name = Describe(pending.Kind, number);
        if (!pending.AddresseesRecognised)
        {
            warnings.Add(new ImportWarning(ImportWarningKind.AddresseeNotRecognised, number, pending.Line,
                $"{Capitalised(name)} is addressed to \"{string.Join(", ", addressees)}\", which is not a body the rules recognise (chief constables, PCCs, the Home Office, the NPCC, the APCC, the College of Policing …). Check the heading, or correct the addressee."));
        }

        var items = Items(pending, number, warnings);
        var parent = Addressees.Classify(addressees);
        var subItems = items.Select(i => i with { Addressees = OwnAddressees(i.Text, parent) }).ToList();
        if (addressees.Count == 0 && subItems.All(s => s.Addressees.Count == 0))
        {
            warnings.Add(new ImportWarning(ImportWarningKind.NoAddressee, number, pending.Line,
                $"{Capitalised(name)} names no addressee, in its heading or its text. Say who it is addressed to."));
        }

        if (text.Length == 0 && subItems.Count == 0)
        {
            warnings.Add(new ImportWarning(ImportWarningKind.NoText, number, pending.Line,
                $"{Capitalised(name)} has a heading but no text. Check whether its text was lost or is among the unplaced text."));
        }

        return new Recommendation { Number = number, Kind = pending.Kind, Addressees = addressees, Text = text, SubItems = subItems };
    }

    private static IReadOnlyList<string> LeadAddressees(string text) =>
        AddresseePhrases.Lead(text) is { } lead ? AddresseePhrases.Split(lead) : [];

    /// <summary>A sub-item names its own addressee only when it leads with a body other than its parent's.</summary>
    private static IReadOnlyList<string> OwnAddressees(string text, Addressed parent)
    {
        var lead = AddresseePhrases.Lead(text);
        return lead is not null && Addressees.Classify(lead) != parent ? AddresseePhrases.Split(lead) : [];
    }

    private static List<SubItem> Items(PendingRecommendation pending, string number, List<ImportWarning> warnings)
    {
        var items = pending.Items;
        var name = Describe(pending.Kind, number);
        if (items.Count > 0 && items.All(i => i.Label is null))
        {
            var lastLetter = Letter(items.Count - 1);
            warnings.Add(new ImportWarning(ImportWarningKind.SubItemLetterMissing, number, items[0].Line,
                $"The {items.Count} sub-items of {name} have no letters; they have been lettered a to {lastLetter} in order. Check them against the report."));
            return [.. items.Select((item, k) => new SubItem { Label = Letter(k), Text = item.Text.ToString() })];
        }

        var labels = items.Select(i => i.Label).ToArray();
        for (var k = 0; k < items.Count; k++)
        {
            if (labels[k] is not null)
            {
                continue;
            }

            labels[k] = Inferred(labels, k);
            warnings.Add(new ImportWarning(ImportWarningKind.SubItemLetterMissing, number, items[k].Line,
                $"A sub-item of {name} on line {items[k].Line} has no letter; it has been lettered \"{labels[k]}\" from its place in the list. Check it against the report."));
        }

        CheckSequence(items, labels, name, number, warnings);
        return [.. items.Select((item, k) => new SubItem { Label = labels[k]!, Text = item.Text.ToString() })];
    }

    /// <summary>The label a sub-item would have from its neighbours: one after the previous, or one before the next.</summary>
    private static string Inferred(string?[] labels, int k)
    {
        if (k > 0 && Order(labels[k - 1]) is { } before)
        {
            return Label(labels[k - 1]!, before + 1);
        }

        for (var j = k + 1; j < labels.Length; j++)
        {
            if (Order(labels[j]) is { } after && after - (j - k) >= 0)
            {
                return Label(labels[j]!, after - (j - k));
            }
        }

        return Letter(k);
    }

    private static string Label(string like, int order) =>
        char.IsAsciiDigit(like[0]) ? (order + 1).ToString(CultureInfo.InvariantCulture) : Letter(order);

    private static void CheckSequence(List<PendingItem> items, string?[] labels, string name, string number, List<ImportWarning> warnings)
    {
        for (var k = 1; k < items.Count; k++)
        {
            if (Order(labels[k - 1]) is not { } before || Order(labels[k]) is not { } now || now == before + 1)
            {
                continue;
            }

            var (kind, message) = now <= before
                ? (ImportWarningKind.SubItemListRestarts, $"The sub-items of {name} restart at \"{labels[k]}\" after \"{labels[k - 1]}\" on line {items[k].Line}. A recommendation heading may have been lost there; check the report.")
                : (ImportWarningKind.SubItemLetterSkipped, $"The sub-items of {name} skip from \"{labels[k - 1]}\" to \"{labels[k]}\" on line {items[k].Line}. A sub-item may have been lost; check the report.");
            warnings.Add(new ImportWarning(kind, number, items[k].Line, message));
        }
    }

    /// <summary>The place of a label in its sequence: a = 0, b = 1; "1" = 0. Roman numerals are not ordered.</summary>
    private static int? Order(string? label) => label switch
    {
        [var c] when char.IsAsciiLetterLower(c) => c - 'a',
        [_, ..] when label.All(char.IsAsciiDigit) && label.Length <= 2 => int.Parse(label, CultureInfo.InvariantCulture) - 1,
        _ => null,
    };

    private static string Letter(int order) => order is >= 0 and < 26 ? ((char)('a' + order)).ToString() : (order + 1).ToString(CultureInfo.InvariantCulture);

    private static string[] AssignNumbers(IReadOnlyList<PendingRecommendation> found, List<ImportWarning> warnings)
    {
        var next = new Dictionary<RecommendationKind, int>();
        var numbers = new string[found.Count];
        for (var k = 0; k < found.Count; k++)
        {
            var pending = found[k];
            var n = pending.Number ?? next.GetValueOrDefault(pending.Kind, 1);
            next[pending.Kind] = Math.Max(next.GetValueOrDefault(pending.Kind, 1), n + 1);
            numbers[k] = Format(pending.Kind, n);
            if (pending.Number is null)
            {
                warnings.Add(new ImportWarning(ImportWarningKind.NumberAssigned, numbers[k], pending.Line,
                    $"The {Noun(pending.Kind)} on line {pending.Line} has no number; it has been numbered {n} from its place. Check the report's numbering."));
            }
        }

        return numbers;
    }

    private static void CheckNumbering(IReadOnlyList<PendingRecommendation> found, string[] numbers, List<ImportWarning> warnings)
    {
        var seen = new Dictionary<RecommendationKind, int>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < found.Count; k++)
        {
            var pending = found[k];
            if (pending.Number is not { } n)
            {
                continue;
            }

            var name = Describe(pending.Kind, numbers[k]);
            if (!used.Add(numbers[k]))
            {
                warnings.Add(new ImportWarning(ImportWarningKind.NumberOutOfOrder, numbers[k], pending.Line,
                    $"{Capitalised(name)} appears more than once (again on line {pending.Line}). Check whether a heading was misread, or the text was pasted twice."));
            }
            else if (seen.TryGetValue(pending.Kind, out var before) && n <= before)
            {
                warnings.Add(new ImportWarning(ImportWarningKind.NumberOutOfOrder, numbers[k], pending.Line,
                    $"{Capitalised(name)} on line {pending.Line} comes after {Format(pending.Kind, before)}. Check the order and the numbers against the report."));
            }
            else if (n > (seen.TryGetValue(pending.Kind, out var previous) ? previous : 0) + 1)
            {
                var from = seen.ContainsKey(pending.Kind) ? previous + 1 : 1;
                var missing = from == n - 1 ? $"{from} is" : $"{from} to {n - 1} are";
                var context = seen.ContainsKey(pending.Kind) ? $"between {previous} and {n}" : $"before {n}, the first found";
                warnings.Add(new ImportWarning(ImportWarningKind.NumberingGap, numbers[k], pending.Line,
                    $"{Capitalised(Noun(pending.Kind))} {missing} missing {context}. If the text lists only some of the report's {Noun(pending.Kind)}s, ignore this; otherwise check nothing was lost."));
            }

            seen[pending.Kind] = Math.Max(n, seen.GetValueOrDefault(pending.Kind));
        }
    }

    /// <summary>
    /// Numbers as the letter model keeps them: "2" for a recommendation, "AFI 3", "Cause of concern 1", so that a
    /// PEEL report's three numbered series stay distinct.
    /// </summary>
    private static string Format(RecommendationKind kind, int n) => kind switch
    {
        RecommendationKind.AreaForImprovement => $"AFI {n}",
        RecommendationKind.CauseOfConcern => $"Cause of concern {n}",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Noun(RecommendationKind kind) => kind switch
    {
        RecommendationKind.AreaForImprovement => "area for improvement",
        RecommendationKind.CauseOfConcern => "cause of concern",
        _ => "recommendation",
    };

    private static string Describe(RecommendationKind kind, string number) =>
        char.IsAsciiDigit(number.FirstOrDefault()) ? $"{Noun(kind)} {number}" : number;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
