using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ResponseDrafter.Api.Data;

/// <summary>
/// How the change tracker compares the stored files (Word documents, PDFs, templates: tens to hundreds of kilobytes).
/// EF Core's default comparer for byte[] goes element by element through IStructuralEquatable, boxing every byte, and
/// ran on each save for each file the context tracked: under load it was most of a document save's CPU. This one
/// compares by reference and then as spans (vectorised), and snapshots a copy.
/// </summary>
internal static class ByteArrays
{
    private static readonly ValueComparer<byte[]?> Comparer = new(
        (a, b) => Same(a, b),
        bytes => bytes == null ? 0 : bytes.Length,
        bytes => bytes == null ? null : bytes.ToArray());

    private static bool Same(byte[]? a, byte[]? b) => ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));

    /// <summary>Gives every byte[] property in the model the span comparer.</summary>
    public static void CompareAsSpans(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(byte[]))
            {
                property.SetValueComparer(Comparer);
            }
        }
    }
}
