using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResponseDrafter.Api.Http;

namespace ResponseDrafter.Api.Data;

/// <summary>
/// Lists and small records stored as one JSON text column, the same on SQLite and PostgreSQL.
/// They are always read and written whole with their row, never queried into.
/// </summary>
public static class JsonColumn
{
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
            value => Serialize(value),
            json => Deserialize<T>(json),
            new ValueComparer<T>(
                (a, b) => Serialize(a) == Serialize(b),
                value => Serialize(value).GetHashCode(StringComparison.Ordinal),
                value => Deserialize<T>(Serialize(value))));
        return property;
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, ApiJson.Options)!;
}
