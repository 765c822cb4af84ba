using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ResponseDrafter.Api.Auth;

namespace ResponseDrafter.Api.Data;

/// <summary>Lets dotnet-ef build each provider's context to add migrations (no database is contacted).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDraftingDb>
{
    public SqliteDraftingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDraftingDb>().UseSqlite("Data Source=design-time.db").Options, new TenantContext(new HttpContextAccessor()));
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDraftingDb>
{
    public PostgreSqlDraftingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlDraftingDb>().UseNpgsql("Host=localhost;Database=design_time").Options, new TenantContext(new HttpContextAccessor()));
}
