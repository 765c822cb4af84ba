using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Profiles;

public sealed record LogoInput(string? ContentType, byte[]? Data, string? AltText);

[ReplacedWhole]
public sealed record ProfileInput(
    string? Name,
    string? CommissionerName,
    string? CommissionerTitle,
    List<string>? LetterheadLines,
    string? Strapline,
    LogoInput? Logo,
    string? StatutoryCitation,
    List<RecipientInput>? Recipients,
    List<string>? Cc,
    string? CopyListLabel,
    string? Salutation,
    string? Closing,
    string? Publication);

/// <summary>Which template renders this OPCC's letters: "custom" (uploaded) or "built-in".</summary>
public sealed record TemplateInfo(string Source, string? FileName, string? Sha256, DateTime? UploadedAt);

public sealed record ProfileDto(
    string Name,
    string CommissionerName,
    string CommissionerTitle,
    IReadOnlyList<string> LetterheadLines,
    string? Strapline,
    ImageAsset? Logo,
    string StatutoryCitation,
    IReadOnlyList<Recipient> Recipients,
    IReadOnlyList<string> Cc,
    string CopyListLabel,
    string Salutation,
    string Closing,
    string? Publication,
    TemplateInfo Template,
    int Version);

public static class ProfileMapping
{
    public static TemplateInfo BuiltIn { get; } = new("built-in", null, null, null);

    public static ProfileDto AsDto(this Profile profile, TemplateInfo template) => new(
        profile.Name,
        profile.CommissionerName,
        profile.CommissionerTitle,
        profile.LetterheadLines,
        profile.Strapline,
        profile.Logo,
        profile.StatutoryCitation,
        profile.Recipients,
        profile.Cc,
        profile.CopyListLabel,
        profile.Salutation,
        profile.Closing,
        profile.Publication,
        template,
        profile.Version);

    public static TemplateInfo AsInfo(this ProfileTemplate? template) => template is null
        ? BuiltIn
        : new("custom", template.FileName, template.Sha256, DateTime.SpecifyKind(template.UploadedAt, DateTimeKind.Utc));
}
