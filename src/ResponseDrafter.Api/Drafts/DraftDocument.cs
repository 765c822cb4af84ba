using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Workflow;

namespace ResponseDrafter.Api.Drafts;

/// <summary>
/// A draft's current Word document: the draft itself. It starts as the assembled letter; after that it is what Word
/// last saved (the exact bytes) or what the server patched when the record changed. The draft's record is read back
/// from it. Kept apart from <see cref="Draft"/> so that reading a draft does not read its document.
/// </summary>
public sealed class DraftDocument : ITenantOwned
{
    public Guid DraftId { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public byte[] Docx { get; set; } = [];

    public string Sha256 { get; set; } = string.Empty;

    public DateTime SavedAt { get; set; }

    /// <summary>
    /// The record's rendering the document was last brought in line with. The next patch compares a fresh rendering with
    /// this one, so that only what the record changed reaches the document, and edits made in Word elsewhere stay.
    /// </summary>
    public byte[]? Rendered { get; set; }

    /// <summary>Who last changed it: the person who saved it from Word, or whose change to the record the server applied.</summary>
    public Person SavedBy { get; set; } = new(string.Empty, string.Empty, string.Empty);

    public void Replace(byte[] docx, Person by, DateTime now)
    {
        Docx = docx;
        Sha256 = HashOf(docx);
        SavedBy = by;
        SavedAt = now;
    }

    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    internal static void Configure(EntityTypeBuilder<DraftDocument> document)
    {
        document.HasKey(d => d.DraftId);
        document.Property(d => d.TenantId).HasMaxLength(64);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.SavedBy).HasJsonConversion();
        document.HasOne<Draft>().WithOne().HasForeignKey<DraftDocument>(d => d.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}
