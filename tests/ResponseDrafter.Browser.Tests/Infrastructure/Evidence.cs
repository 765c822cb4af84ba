using System.Text.Json;
using Microsoft.Playwright;

namespace ResponseDrafter.Browser.Tests.Infrastructure;

public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes);

/// <summary>What a reviewer can look at afterwards: screenshots and accessibility scans, attached to the test results.</summary>
public static class Evidence
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Folder(TestContext context)
    {
        var folder = Path.Combine(context.TestResultsDirectory ?? Path.GetTempPath(), "screens");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Saves a full-page screenshot. At Word's pane width (350 px or less) it first asserts the screen does not scroll
    /// sideways, so every screen shot at that width is also checked for it.
    /// </summary>
    public static async Task<string> ScreenshotAsync(TestContext context, IPage page, string name)
    {
        if (page.ViewportSize is { Width: <= 350 })
        {
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.IsTrue(widths[0] <= widths[1], $"The screen \"{name}\" scrolls sideways at {page.ViewportSize.Width} px: scrollWidth {widths[0]} > clientWidth {widths[1]}.");
        }

        var path = Path.Combine(Folder(context), $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        context.AddResultFile(path);
        context.WriteLine($"Screenshot: {path}");
        return path;
    }

    /// <summary>Runs axe-core (from the ClientApp's npm packages) on the page; every violation, saved beside the screenshots.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> AxeAsync(TestContext context, IPage page, string name)
    {
        var axe = await File.ReadAllTextAsync(Repository.PathOf("src", "ResponseDrafter.Api", "ClientApp", "node_modules", "axe-core", "axe.min.js"));
        await page.EvaluateAsync(axe + "\n;true");
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })));
            }
            """);
        var violations = JsonSerializer.Deserialize<List<AxeViolation>>(json, Indented)!;
        var path = Path.Combine(Folder(context), $"{name}.axe.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(violations, Indented));
        context.AddResultFile(path);
        foreach (var v in violations)
        {
            context.WriteLine($"axe {name}: {v.Impact} {v.Id} — {v.Help} ({string.Join(", ", v.Nodes)})");
        }

        return violations;
    }
}
