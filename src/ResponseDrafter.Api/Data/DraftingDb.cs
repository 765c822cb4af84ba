using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Data;

/// <summary>
/// The drafting database. Each provider has its own subclass only so that each keeps its own migrations.
/// Every tenant-owned entity has a query filter on the current tenant, and inserts are stamped with it here.
/// </summary>
public abstract class DraftingDb(DbContextOptions options, TenantContext tenant) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Report> Reports => Set<Report>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<DraftResponse> DraftResponses => Set<DraftResponse>();

    public DbSet<DraftDocument> DraftDocuments => Set<DraftDocument>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<ProfileTemplate> ProfileTemplates => Set<ProfileTemplate>();

    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Delegation> Delegations => Set<Delegation>();

    public DbSet<FinalLetter> FinalLetters => Set<FinalLetter>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Filtered by tenant like the rest; the outbox worker reads across tenants with IgnoreQueryFilters.</summary>
    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();

    /// <summary>Shared by every tenant and instance: <see cref="DatabaseCache"/>'s entries (the token cache in Microsoft 365 mode).</summary>
    public DbSet<CacheEntry> CacheEntries => Set<CacheEntry>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every instance (it encrypts the token cache at rest).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Read by the query filters each time a query runs, so one context never sees another tenant's rows.</summary>
    private string? CurrentTenantId => tenant.TenantId;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Report>(Report.Configure);
        modelBuilder.Entity<Draft>(Draft.Configure);
        modelBuilder.Entity<DraftResponse>(DraftResponse.Configure);
        modelBuilder.Entity<DraftDocument>(DraftDocument.Configure);
        modelBuilder.Entity<Profile>(Profile.Configure);
        modelBuilder.Entity<ProfileTemplate>(ProfileTemplate.Configure);
        modelBuilder.Entity<DraftVersion>(DraftVersion.Configure);
        modelBuilder.Entity<Decision>(Decision.Configure);
        modelBuilder.Entity<Delegation>(Delegation.Configure);
        modelBuilder.Entity<FinalLetter>(FinalLetter.Configure);
        modelBuilder.Entity<AuditEntry>(AuditEntry.Configure);
        modelBuilder.Entity<OutboxEntry>(OutboxEntry.Configure);
        modelBuilder.Entity<CacheEntry>(CacheEntry.Configure);

        modelBuilder.Entity<Report>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<Draft>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<DraftResponse>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<DraftDocument>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<Profile>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<ProfileTemplate>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<DraftVersion>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<Decision>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<Delegation>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<FinalLetter>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        modelBuilder.Entity<OutboxEntry>().HasQueryFilter(e => e.TenantId == CurrentTenantId);
        ByteArrays.CompareAsSpans(modelBuilder);
    }

    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.TenantId = CurrentTenantId
                    ?? throw new InvalidOperationException("A tenant-owned row cannot be saved without a tenant.");
            }
            else if (entry.State != EntityState.Unchanged && entry.Entity.TenantId != CurrentTenantId)
            {
                throw new InvalidOperationException("A row of another tenant cannot be changed.");
            }
        }
    }
}

/// <summary>
/// SQLite lets one writer in at a time and makes the others wait by sleeping in growing steps (1, 2, 5 … 100 ms) between
/// tries: under many concurrent saves a waiter can lose round after round, and a save that needs a few milliseconds of
/// work takes hundreds. Saves to one database file therefore queue here, first come first served, and each finds the
/// write lock free. A save inside a transaction the caller opened is not queued: the caller may already hold the lock.
/// </summary>
public sealed class SqliteDraftingDb(DbContextOptions<SqliteDraftingDb> options, TenantContext tenant) : DraftingDb(options, tenant)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var writers = WritersOfThisFile();
        writers.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            writers.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var writers = WritersOfThisFile();
        await writers.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            writers.Release();
        }
    }

    private SemaphoreSlim WritersOfThisFile() => Writers.GetOrAdd(Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
}

public sealed class PostgreSqlDraftingDb(DbContextOptions<PostgreSqlDraftingDb> options, TenantContext tenant) : DraftingDb(options, tenant);
