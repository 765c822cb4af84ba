using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ResponseDrafter.Api.Integrations.Local;

public sealed class LocalOptions
{
    public const string Section = "Integrations:Local";

    /// <summary>The app's data folder; relative paths are under the content root. Defaults to <c>Storage:DataPath</c>.</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";

    /// <summary>The LibreOffice executable used for PDF conversion.</summary>
    [Required]
    public string SofficePath { get; set; } = "soffice";

    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// util-linux's unshare, used to run LibreOffice in a network namespace of its own (no interface but a loopback that
    /// is down), so a conversion cannot reach any network. Empty to run LibreOffice without it.
    /// </summary>
    public string UnsharePath { get; set; } = "/usr/bin/unshare";

    /// <summary>The From address written into .eml files.</summary>
    [Required, EmailAddress]
    public string FromAddress { get; set; } = "responsedrafter@localhost";

    /// <summary>Stored documents get a WebUrl under this app path, for the API to serve.</summary>
    [Required]
    public string DocumentsUrlPrefix { get; set; } = "/files";
}

/// <summary>Where the embedded implementations keep their files; every path is checked to stay inside.</summary>
public sealed class LocalPaths(IOptions<LocalOptions> options, IHostEnvironment? environment = null)
{
    public string Root { get; } = Path.GetFullPath(options.Value.DataPath, environment?.ContentRootPath ?? AppContext.BaseDirectory);

    public string DocumentsFolder(string tenantId) => Inside(Path.Combine(Root, "documents", Identifiers.Tenant(tenantId)));

    public string OutboxFolder(string tenantId) => Inside(Path.Combine(Root, "outbox", Identifiers.Tenant(tenantId)));

    public string NotificationsFile(string tenantId) => Inside(Path.Combine(Root, "notifications", $"{Identifiers.Tenant(tenantId)}.jsonl"));

    /// <summary>Joins a relative document path (forward slashes) to the tenant's folder, refusing '..' and the like.</summary>
    public string Document(string tenantId, string relativePath)
    {
        var segments = relativePath.Split('/');
        if (segments.Any(s => s is "" or "." or ".." || s.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || s.Contains('\\', StringComparison.Ordinal)))
        {
            throw new IntegrationException($"'{relativePath}' is not a valid document path.", isTransient: false);
        }

        return Inside(Path.Combine([DocumentsFolder(tenantId), .. segments]));
    }

    private string Inside(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new IntegrationException("The path leaves the data folder.", isTransient: false);
    }
}

/// <summary>Writes a file so that readers see either nothing or all of it: a temporary file, then a rename.</summary>
internal static class AtomicFile
{
    /// <returns>False when <paramref name="path"/> already existed and <paramref name="overwrite"/> is false.</returns>
    public static async Task<bool> WriteAsync(string path, byte[] content, bool overwrite, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            if (!overwrite && File.Exists(path))
            {
                return false;
            }

            File.Move(temporary, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
