using System.Runtime.CompilerServices;

namespace ResponseDrafter.Documents.Tests.Fixtures;

/// <summary>Files of the repository the tests were built from, found from this source file's own path.</summary>
public static class RepositoryFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(Root(), relative);

    private static string Root([CallerFilePath] string here = "")
    {
        for (var directory = new DirectoryInfo(System.IO.Path.GetDirectoryName(here)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ResponseDrafter.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ResponseDrafter.sln above {here}.");
    }
}
