using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;

namespace ResponseDrafter.Api.Integrations.Graph;

/// <summary>Letters live in the OPCC's SharePoint/OneDrive library, so approvers open them in Word.</summary>
public sealed class GraphDocumentStore(GraphClients clients) : IDocumentStore
{
    public async Task<StoredDocument> SaveAsync(string tenantId, DocumentToStore document, CancellationToken cancellationToken)
    {
        var driveId = clients.Options.For(tenantId).DriveId;
        var path = DrivePath(document);
        var item = document.Content.Length > clients.Options.LargeFileThresholdBytes
            ? await UploadInSlicesAsync(tenantId, driveId, path, document, cancellationToken)
            : await PutAsync(tenantId, driveId, path, document, cancellationToken);
        return new StoredDocument(
            item.Id ?? throw new IntegrationException("Graph returned a drive item without an id.", isTransient: false),
            item.Name ?? document.FileName,
            item.WebUrl ?? "",
            item.Size ?? document.Content.Length);
    }

    public Task<byte[]> ReadAsync(string tenantId, string documentId, CancellationToken cancellationToken)
    {
        var graph = clients.ForApp(tenantId);
        var driveId = clients.Options.For(tenantId).DriveId;
        return GraphCall.RunAsync("Read document", async () =>
        {
            await using var content = await graph.Drives[driveId].Items[documentId].Content.GetAsync(cancellationToken: cancellationToken);
            return await GraphStreams.ReadAllAsync(content, cancellationToken);
        }, cancellationToken);
    }

    private Task<DriveItem> PutAsync(string tenantId, string driveId, string path, DocumentToStore document, CancellationToken cancellationToken)
    {
        var graph = clients.For(tenantId, document.UserSession);
        return GraphCall.RunAsync("Upload document", async () =>
        {
            using var stream = new MemoryStream(document.Content, writable: false);
            return await graph.Drives[driveId].Root.ItemWithPath(path).Content.PutAsync(stream, cancellationToken: cancellationToken)
                ?? throw new IntegrationException("Graph returned no drive item for the upload.", isTransient: false);
        }, cancellationToken);
    }

    private Task<DriveItem> UploadInSlicesAsync(string tenantId, string driveId, string path, DocumentToStore document, CancellationToken cancellationToken)
    {
        var graph = clients.For(tenantId, document.UserSession);
        return GraphCall.RunAsync("Upload large document", async () =>
        {
            var body = new CreateUploadSessionPostRequestBody
            {
                Item = new DriveItemUploadableProperties { AdditionalData = { ["@microsoft.graph.conflictBehavior"] = "replace" } },
            };
            var session = await graph.Drives[driveId].Root.ItemWithPath(path).CreateUploadSession.PostAsync(body, cancellationToken: cancellationToken)
                ?? throw new IntegrationException("Graph returned no upload session.", isTransient: false);

            using var stream = new MemoryStream(document.Content, writable: false);
            var task = new LargeFileUploadTask<DriveItem>(session, stream, clients.Options.UploadSliceBytes, clients.ForUploadUrl());

            // maxTries 1: a failed upload is retried by the outbox pipeline (with a fresh session), not here.
            var result = await task.UploadAsync(maxTries: 1, cancellationToken: cancellationToken);
            return result.UploadSucceeded && result.ItemResponse is { } item
                ? item
                : throw new IntegrationException("The upload session ended without a drive item.", isTransient: true);
        }, cancellationToken);
    }

    internal static string DrivePath(DocumentToStore document)
    {
        var segments = document.Folder.Split('/', StringSplitOptions.RemoveEmptyEntries).Append(document.FileName);
        return string.Join('/', segments.Select(DriveName));
    }

    private static string DriveName(string segment) =>
        segment is "." or ".." || segment.IndexOfAny(['\\', ':', '*', '?', '"', '<', '>', '|', '#', '%']) >= 0 || string.IsNullOrWhiteSpace(segment)
            ? throw new IntegrationException($"'{segment}' cannot be used as a SharePoint file or folder name.", isTransient: false)
            : segment;
}

internal static class GraphStreams
{
    public static async Task<byte[]> ReadAllAsync(Stream? stream, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
