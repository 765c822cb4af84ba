using Microsoft.Playwright;

namespace ResponseDrafter.Browser.Tests.Infrastructure;

/// <summary>Moving through a screen with the Tab key alone, as a keyboard user does.</summary>
public static class KeyboardFocus
{
    /// <summary>How a control is drawn where a focus indicator would show: its own outline and shadow, and those of the part Fluent UI draws its focus ring on.</summary>
    private const string FocusLook = """
        e => [e, e.shadowRoot?.querySelector('.control')].filter(x => x)
          .map(x => { const s = getComputedStyle(x); return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`; })
          .join(' || ')
        """;

    private const string HasFocus = """
        e => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a === e || e.contains(a) || !!e.shadowRoot?.contains(a); }
        """;

    /// <summary>
    /// Presses Tab until <paramref name="target"/> (a control's outer element) has focus, at most 200 times.
    /// Returns whether focus is visible: the control's outline or focus ring looks different once it has focus.
    /// </summary>
    public static async Task<bool> TabUntilAsync(IPage page, ILocator target)
    {
        var unfocused = await target.EvaluateAsync<string>(FocusLook);
        var visited = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            visited.Add(await page.EvaluateAsync<string>(
                "() => { let e = document.activeElement; const path = []; while (e) { path.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')); e = e.shadowRoot?.activeElement; } return path.join(' > '); }"));
            if (await target.EvaluateAsync<bool>(HasFocus))
            {
                return await target.EvaluateAsync<string>(FocusLook) != unfocused;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Could not reach the control with the Tab key. Focus went: {string.Join(" | ", visited.TakeLast(30))}");
        return false;
    }
}
