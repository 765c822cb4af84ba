using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ResponseDrafter.Api.Http;

/// <summary>Optimistic concurrency over HTTP: a strong ETag from the row version, and If-Match on every write.</summary>
public static class Preconditions
{
    public static string ETagFor(int version) => $"\"{version}\"";

    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = ETagFor(version);

    /// <summary>Null when the request's If-Match names <paramref name="currentVersion"/>; otherwise the 428 or 412 to answer.</summary>
    public static ProblemHttpResult? Check(HttpRequest request, int currentVersion)
    {
        var ifMatch = request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0 || ifMatch.All(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return Problems.PreconditionRequired();
        }

        var current = new EntityTagHeaderValue(ETagFor(currentVersion));
        return ifMatch.Any(tag => tag.Compare(current, useStrongComparison: true)) ? null : Problems.PreconditionFailed();
    }
}
