using System.Text;
using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Publication;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Cli;

/// <summary>The template authors' tool. Everything goes through <see cref="Run"/> so that tests can call it in-process.</summary>
public static class Commands
{
    public const string Usage = """
        Usage: responsedrafter <command> [arguments]

        Commands:
          check-template FILE
              Checks a letter template (.docx, or Word XML / Flat OPC .xml) and prints every problem,
              one per line: "tag — location: message"; then checks it as Word's Accessibility Checker
              would, one finding per line: "accessibility error|advice CODE — where: message fix".
              Problems and accessibility errors fail the check; advice is printed only.
          render REQUEST.json [--template FILE] -o OUT.docx
              Renders a JSON letter request (templates/request-format.md) with the built-in template,
              or with FILE. An incomplete letter is still written, marked DRAFT, with a warning per gap.
          import FILE [-o OUT.json]
              Reads a report's recommendations from its PDF, its Word document (.docx) or text copied
              from it, and writes the report JSON that POST /api/reports takes (to stdout without -o).
              Warnings, words joined across line ends and text not placed go to stderr.
          build-default-template -o FILE
              Writes the built-in template as Word XML (Flat OPC), as kept in templates/section55.xml.

        Options:
          -o, --output FILE   where to write (render, import, build-default-template)
          --template FILE     the template to render with (render)
          -h, --help          show this help

        Exit codes: 0 success; 1 the template or request has problems, or the report was refused or has
        no recommendations (nothing is written); 2 a usage error, or a file that cannot be read or
        written; 3 (import) written, with warnings to check.
        """;

    private static readonly Dictionary<string, string> NoOptions = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> RenderOptions = new(StringComparer.Ordinal)
    {
        ["-o"] = "output",
        ["--output"] = "output",
        ["--template"] = "template",
    };

    private static readonly Dictionary<string, string> OutputOnly = new(StringComparer.Ordinal)
    {
        ["-o"] = "output",
        ["--output"] = "output",
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }

        if (args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }

        var rest = args[1..];
        return args[0] switch
        {
            "check-template" => WithArguments(rest, NoOptions, 1, stdout, stderr, a => CheckTemplate(a.Files[0], stdout, stderr)),
            "render" => WithArguments(rest, RenderOptions, 1, stdout, stderr, a => Render(a.Files[0], a.Options.GetValueOrDefault("template"), a.Options.GetValueOrDefault("output"), stdout, stderr)),
            "import" => WithArguments(rest, OutputOnly, 1, stdout, stderr, a => ImportCommand.Run(a.Files[0], a.Options.GetValueOrDefault("output"), stdout, stderr)),
            "build-default-template" => WithArguments(rest, OutputOnly, 0, stdout, stderr, a => BuildDefaultTemplate(a.Options.GetValueOrDefault("output"), stdout, stderr)),
            _ => UsageError(stderr, $"unknown command '{args[0]}'"),
        };
    }

    private static int WithArguments(
        string[] args, IReadOnlyDictionary<string, string> options, int files, TextWriter stdout, TextWriter stderr, Func<Arguments, int> command)
    {
        var (arguments, error) = Arguments.Parse(args, options);
        if (arguments is null)
        {
            return UsageError(stderr, error!);
        }

        if (arguments.Help)
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }

        return arguments.Files.Count == files
            ? command(arguments)
            : UsageError(stderr, files == 0 ? $"unexpected argument '{arguments.Files[0]}'" : $"expected {files} file argument, got {arguments.Files.Count}");
    }

    private static int CheckTemplate(string path, TextWriter stdout, TextWriter stderr)
    {
        if (ReadBytes(path, stderr) is not { } bytes)
        {
            return ExitCodes.Usage;
        }

        var result = TemplateFile.Load(bytes);
        foreach (var problem in result.Problems)
        {
            stdout.WriteLine(Describe(problem));
        }

        // Every letter starts as the template: what the template lacks (a title, a language, alt text on the logo) every letter lacks.
        var findings = result.Template is { } template ? AccessibilityCheck.Check(template.Docx) : [];
        foreach (var finding in findings)
        {
            stdout.WriteLine($"accessibility {finding}");
        }

        if (result.Problems.Count > 0 || AccessibilityCheck.Fails(findings))
        {
            return ExitCodes.Problems;
        }

        stdout.WriteLine(findings.Count == 0 ? $"{path}: no problems" : $"{path}: no problems; {findings.Count} accessibility advice to consider");
        return ExitCodes.Success;
    }

    private static int Render(string requestPath, string? templatePath, string? outputPath, TextWriter stdout, TextWriter stderr)
    {
        if (outputPath is null)
        {
            return UsageError(stderr, "render needs -o OUT.docx");
        }

        if (ReadBytes(requestPath, stderr) is not { } request)
        {
            return ExitCodes.Usage;
        }

        var parsed = LetterJson.Parse(Encoding.UTF8.GetString(request));
        if (parsed.Letter is null)
        {
            return PrintProblems(requestPath, parsed.Problems, stderr);
        }

        var template = LetterTemplate.Default;
        if (templatePath is not null)
        {
            if (ReadBytes(templatePath, stderr) is not { } templateBytes)
            {
                return ExitCodes.Usage;
            }

            var loaded = TemplateFile.Load(templateBytes);
            if (loaded.Template is null)
            {
                foreach (var problem in loaded.Problems)
                {
                    stderr.WriteLine($"{templatePath}: {Describe(problem)}");
                }

                return ExitCodes.Problems;
            }

            template = loaded.Template;
        }

        var assembled = LetterAssembler.Assemble(parsed.Letter, template);
        if (assembled.Letter is null)
        {
            return PrintProblems(requestPath, assembled.Problems, stderr);
        }

        if (!TryWrite(outputPath, assembled.Letter.Docx, stderr))
        {
            return ExitCodes.Usage;
        }

        foreach (var gap in assembled.Letter.Gaps)
        {
            stderr.WriteLine($"warning: incomplete — {gap.Ref}: {gap.Message}");
        }

        if (assembled.Letter.Gaps.Count > 0)
        {
            stderr.WriteLine($"warning: {outputPath} is marked DRAFT until every applicable recommendation is answered");
        }

        stdout.WriteLine($"wrote {outputPath}");
        return ExitCodes.Success;
    }

    private static int BuildDefaultTemplate(string? outputPath, TextWriter stdout, TextWriter stderr)
    {
        if (outputPath is null)
        {
            return UsageError(stderr, "build-default-template needs -o FILE");
        }

        if (!TryWrite(outputPath, Encoding.UTF8.GetBytes(DefaultTemplateBuilder.BuildFlatOpc()), stderr))
        {
            return ExitCodes.Usage;
        }

        stdout.WriteLine($"wrote {outputPath}");
        return ExitCodes.Success;
    }

    private static int PrintProblems(string requestPath, IReadOnlyList<LetterProblem> problems, TextWriter stderr)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine(problem.Field.Length == 0 ? $"{requestPath}: {problem.Message}" : $"{requestPath}: {problem.Field}: {problem.Message}");
        }

        return ExitCodes.Problems;
    }

    private static string Describe(TemplateProblem problem) =>
        string.IsNullOrEmpty(problem.Tag) ? $"{problem.Location}: {problem.Message}" : $"{problem.Tag} — {problem.Location}: {problem.Message}";

    internal static byte[]? ReadBytes(string path, TextWriter stderr)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot read '{path}': {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            return null;
        }
    }

    internal static bool TryWrite(string path, byte[] contents, TextWriter stderr)
    {
        try
        {
            OutputFile.Write(path, contents);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write '{path}': {(e is DirectoryNotFoundException ? "the folder does not exist" : e.Message)}");
            return false;
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine("Run 'responsedrafter --help' for usage.");
        return ExitCodes.Usage;
    }
}
