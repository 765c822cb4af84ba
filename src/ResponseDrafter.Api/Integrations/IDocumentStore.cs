namespace ResponseDrafter.Api.Integrations;

/// <summary>Keeps each version of a letter where approvers can open it (SharePoint/OneDrive, or the app's data folder).</summary>
public interface IDocumentStore
{
    /// <summary>Saves the bytes under <see cref="DocumentToStore.Folder"/>/<see cref="DocumentToStore.FileName"/>,
    /// replacing a file already there, so saving the same version twice is harmless.</summary>
    Task<StoredDocument> SaveAsync(string tenantId, DocumentToStore document, CancellationToken cancellationToken);

    Task<byte[]> ReadAsync(string tenantId, string documentId, CancellationToken cancellationToken);
}

/// <param name="Folder">Forward-slash separated folder inside the OPCC's library, e.g. <c>Drafts/2021-hidden-victims</c>.</param>
/// <param name="UserSession">The on-behalf-of session of the person who caused the save (the submitter), so the library
/// shows them as its author; null to save as the app. The local store has no use for it.</param>
public sealed record DocumentToStore(string Folder, string FileName, byte[] Content, string? UserSession = null);

/// <param name="Id">The store's own identifier (a driveItem id, or a path inside the data folder).</param>
/// <param name="WebUrl">Where a person opens it: Word on the web for Graph, an app URL for the local store.</param>
public sealed record StoredDocument(string Id, string Name, string WebUrl, long Size);
