using System.Runtime.CompilerServices;

namespace ResponseDrafter.TestSupport;

/// <summary>Files of the repository the tests were built from.</summary>
public static class RepositoryFiles
{
    /// <summary>
    /// The folder holding ResponseDrafter.sln: above the binaries, or, when they were built outside the repository
    /// (--artifacts-path), above this source file.
    /// </summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the root, given as its parts ("templates", "section55.xml") or as one relative path.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot([CallerFilePath] string sourceFile = "") =>
        SolutionDirectoryAbove(AppContext.BaseDirectory)
        ?? SolutionDirectoryAbove(System.IO.Path.GetDirectoryName(sourceFile)!)
        ?? throw new InvalidOperationException($"ResponseDrafter.sln not found above {AppContext.BaseDirectory} or {sourceFile}");

    private static string? SolutionDirectoryAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ResponseDrafter.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
