using ResponseDrafter.Api.Http;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Api.Profiles;

public static class ProfileRules
{
    public const string DefaultCopyListLabel = "cc:";

    public const int MaxCopyListLabel = 40;

    private const int MaxLogoBytes = 2 * 1024 * 1024;

    private static readonly string[] LogoTypes = ["image/png", "image/jpeg"];

    public static InputErrors Check(ProfileInput input)
    {
        var errors = new InputErrors();
        errors.Required("name", input.Name, 300);
        errors.Required("commissionerName", input.CommissionerName, 200);
        errors.Required("commissionerTitle", input.CommissionerTitle, 200);
        errors.Texts("letterheadLines", input.LetterheadLines, 300);
        errors.Text("strapline", input.Strapline, 300);
        errors.Text("statutoryCitation", input.StatutoryCitation, 1_000);
        errors.Required("salutation", input.Salutation, 300);
        errors.Text("closing", input.Closing, 200);
        errors.Text("publication", input.Publication, 100_000);
        errors.Texts("cc", input.Cc, 500);
        CheckCopyListLabel(errors, "copyListLabel", input.CopyListLabel);
        var recipients = input.Recipients ?? [];
        if (recipients.Count == 0)
        {
            errors.Add("recipients", "Needs at least one default recipient (the Home Secretary).");
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            var field = InputErrors.Index("recipients", i);
            errors.Required($"{field}.name", recipients[i]?.Name, 200);
            errors.Text($"{field}.title", recipients[i]?.Title, 200);
            errors.Texts($"{field}.addressLines", recipients[i]?.AddressLines, 200);
            errors.Text($"{field}.email", recipients[i]?.Email, 320);
        }

        if (input.Logo is { } logo)
        {
            if (!LogoTypes.Contains(logo.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("logo.contentType", "Must be image/png or image/jpeg.");
            }

            if (logo.Data is not { Length: > 0 and <= MaxLogoBytes })
            {
                errors.Add("logo.data", "Must be a base64 image of at most 2 MiB.");
            }

            errors.Required("logo.altText", logo.AltText, 300);
        }

        return errors;
    }

    /// <summary>The copy list's label: required, one short line of plain text (it prints as it is, above the names).</summary>
    public static void CheckCopyListLabel(InputErrors errors, string field, string? label)
    {
        errors.Required(field, label, MaxCopyListLabel);
        if (label is not null && label.AsSpan().IndexOfAny('\r', '\n', '\t') >= 0)
        {
            errors.Add(field, "Must be one line, e.g. \"cc:\" or \"Copied to:\".");
        }
    }

    public static void ApplyTo(this ProfileInput input, Profile profile)
    {
        profile.Name = input.Name!.Trim();
        profile.CommissionerName = input.CommissionerName!.Trim();
        profile.CommissionerTitle = input.CommissionerTitle!.Trim();
        profile.LetterheadLines = input.LetterheadLines ?? [];
        profile.Strapline = Blank(input.Strapline);
        profile.Logo = input.Logo is { } logo
            ? new ImageAsset { ContentType = logo.ContentType!.ToLowerInvariant(), Data = logo.Data!, AltText = logo.AltText!.Trim() }
            : null;
        profile.StatutoryCitation = input.StatutoryCitation?.Trim() ?? string.Empty;
        profile.Recipients = input.Recipients!.Select(r => new Recipient
        {
            Name = r.Name!.Trim(),
            Title = Blank(r.Title),
            AddressLines = r.AddressLines ?? [],
            Email = Blank(r.Email),
        }).ToList();
        profile.Cc = input.Cc ?? [];
        profile.CopyListLabel = input.CopyListLabel!.Trim();
        profile.Salutation = input.Salutation!.Trim();
        profile.Closing = Blank(input.Closing) ?? "Yours sincerely";
        profile.Publication = Blank(input.Publication);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
