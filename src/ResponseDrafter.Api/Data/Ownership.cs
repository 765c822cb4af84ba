namespace ResponseDrafter.Api.Data;

/// <summary>A row that belongs to one tenant: filtered by it on every query and stamped with it on insert.</summary>
public interface ITenantOwned
{
    string TenantId { get; set; }
}

/// <summary>A row written under optimistic concurrency: <see cref="Version"/> is the concurrency token and the ETag.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
