using ResponseDrafter.Cli;
using ResponseDrafter.TestSupport;

namespace ResponseDrafter.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRun
{
    public static string Examples => RepositoryFiles.Path("templates", "examples");

    public static string DefaultTemplateXml => RepositoryFiles.Path("templates", "section55.xml");

    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Commands.Run(args, stdout, stderr);
        return new(exitCode, stdout.ToString(), stderr.ToString());
    }
}
