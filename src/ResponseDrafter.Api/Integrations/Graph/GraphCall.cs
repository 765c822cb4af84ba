using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace ResponseDrafter.Api.Integrations.Graph;

/// <summary>Runs one Graph request and turns whatever went wrong into an <see cref="IntegrationException"/>
/// the outbox can sort, by status code. Cancellation by the caller (or the pipeline's timeout) passes through.</summary>
internal static class GraphCall
{
    public static async Task<T> RunAsync<T>(string action, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (ApiException e)
        {
            throw FromStatus(action, e.ResponseStatusCode, ErrorCode(e), RetryAfter(e), e);
        }
        catch (HttpRequestException e)
        {
            throw new IntegrationException($"{action}: the connection to Microsoft Graph failed.", isTransient: true, innerException: e);
        }
        catch (IOException e)
        {
            throw new IntegrationException($"{action}: the connection to Microsoft Graph was cut.", isTransient: true, innerException: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IntegrationException($"{action}: Microsoft Graph did not answer in time.", isTransient: true, innerException: e);
        }
    }

    public static async Task RunAsync(string action, Func<Task> call, CancellationToken cancellationToken) =>
        await RunAsync(action, async () => { await call(); return true; }, cancellationToken);

    public static IntegrationException FromStatus(string action, int status, string? code, TimeSpan? retryAfter, Exception? inner) =>
        new($"{action}: Microsoft Graph answered {status}{(code is null ? "" : $" ({code})")}.",
            IntegrationFailures.IsTransientStatus(status), status, retryAfter, inner);

    private static string? ErrorCode(ApiException e) => e switch
    {
        ODataError { Error.Code: { } code } => code,
        _ => null,
    };

    private static TimeSpan? RetryAfter(ApiException e)
    {
        if (e is ServiceException { ResponseHeaders: { } httpHeaders } && httpHeaders.RetryAfter is { } header)
        {
            return FromHeader(header);
        }

        return e.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() is { } value
            ? ParseRetryAfter(value, DateTimeOffset.UtcNow)
            : null;
    }

    private static TimeSpan? FromHeader(RetryConditionHeaderValue header) =>
        header.Delta ?? (header.Date is { } date ? NotNegative(date - DateTimeOffset.UtcNow) : null);

    /// <summary>Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    internal static TimeSpan? ParseRetryAfter(string value, DateTimeOffset now)
    {
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? NotNegative(date - now)
            : null;
    }

    private static TimeSpan NotNegative(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
