using System.Runtime.CompilerServices;
using ResponseDrafter.Cli;

namespace ResponseDrafter.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRun
{
    /// <summary>The repository root: above the test binaries, or above this source file when built elsewhere (--artifacts-path).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Examples => Path.Combine(RepositoryRoot, "templates", "examples");

    public static string DefaultTemplateXml => Path.Combine(RepositoryRoot, "templates", "section55.xml");

    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Commands.Run(args, stdout, stderr);
        return new(exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "") =>
        SolutionDirectoryAbove(AppContext.BaseDirectory)
        ?? SolutionDirectoryAbove(Path.GetDirectoryName(sourceFile)!)
        ?? throw new InvalidOperationException($"ResponseDrafter.sln not found above {AppContext.BaseDirectory} or {sourceFile}");

    private static string? SolutionDirectoryAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ResponseDrafter.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
