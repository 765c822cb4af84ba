namespace ResponseDrafter.Api.Integrations.Local;

/// <summary>Documents as files under <c>&lt;data&gt;/documents/&lt;tenant&gt;/</c>; the id is the path inside it.</summary>
public sealed class LocalDocumentStore(LocalPaths paths, Microsoft.Extensions.Options.IOptions<LocalOptions> options) : IDocumentStore
{
    public async Task<StoredDocument> SaveAsync(string tenantId, DocumentToStore document, CancellationToken cancellationToken)
    {
        var id = string.Join('/', document.Folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Append(document.FileName));
        await AtomicFile.WriteAsync(paths.Document(tenantId, id), document.Content, overwrite: true, cancellationToken);
        return new StoredDocument(id, document.FileName, WebUrl(tenantId, id), document.Content.Length);
    }

    public async Task<byte[]> ReadAsync(string tenantId, string documentId, CancellationToken cancellationToken)
    {
        var path = paths.Document(tenantId, documentId);
        return File.Exists(path)
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : throw new IntegrationException($"Document '{documentId}' does not exist.", isTransient: false, statusCode: 404);
    }

    private string WebUrl(string tenantId, string id) =>
        $"{options.Value.DocumentsUrlPrefix.TrimEnd('/')}/{Uri.EscapeDataString(tenantId)}/{string.Join('/', id.Split('/').Select(Uri.EscapeDataString))}";
}
