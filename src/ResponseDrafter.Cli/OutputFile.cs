namespace ResponseDrafter.Cli;

/// <summary>Writes a file whole or not at all: into a temporary file beside it, then moved over it.</summary>
internal static class OutputFile
{
    public static void Write(string path, byte[] contents)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, contents);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
