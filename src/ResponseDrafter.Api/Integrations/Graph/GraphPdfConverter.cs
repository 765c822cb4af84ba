namespace ResponseDrafter.Api.Integrations.Graph;

/// <summary>Graph converts the stored .docx itself (<c>/content?format=pdf</c>); the answer is a redirect to
/// the PDF, which the SDK's redirect handler follows.</summary>
public sealed class GraphPdfConverter(GraphClients clients) : IPdfConverter
{
    public Task<byte[]> ConvertToPdfAsync(string tenantId, string documentId, CancellationToken cancellationToken)
    {
        var graph = clients.ForApp(tenantId);
        var driveId = clients.Options.For(tenantId).DriveId;
        var content = graph.Drives[driveId].Items[documentId].Content;

        // The generated QueryParameters.Format is sent as "$format"; the conversion is documented as "format".
        var converted = content.WithUrl($"{content.ToGetRequestInformation().URI}?format=pdf");
        return GraphCall.RunAsync("Convert to PDF", async () =>
        {
            await using var pdf = await converted.GetAsync(cancellationToken: cancellationToken);
            return await GraphStreams.ReadAllAsync(pdf, cancellationToken);
        }, cancellationToken);
    }
}
