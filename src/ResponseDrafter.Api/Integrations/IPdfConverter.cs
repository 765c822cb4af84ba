namespace ResponseDrafter.Api.Integrations;

/// <summary>Turns a stored Word document into PDF: Graph's conversion, or LibreOffice headless locally.</summary>
public interface IPdfConverter
{
    Task<byte[]> ConvertToPdfAsync(string tenantId, string documentId, CancellationToken cancellationToken);
}
