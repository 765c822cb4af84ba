namespace ResponseDrafter.Api.Integrations;

/// <summary>
/// An external action failed. <see cref="IsTransient"/> says whether trying again later can succeed
/// (throttling, an outage, a timeout, a dropped connection) or never will (bad request, no permission, not found).
/// </summary>
public sealed class IntegrationException : Exception
{
    public IntegrationException()
    {
    }

    public IntegrationException(string message)
        : base(message)
    {
    }

    public IntegrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntegrationException(string message, bool isTransient, int? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public bool IsTransient { get; }

    /// <summary>The HTTP status the service answered with, if it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the service asked us to wait (its <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
