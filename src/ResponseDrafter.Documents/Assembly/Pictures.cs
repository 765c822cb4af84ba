using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>Adds PNG and JPEG pictures as image parts with inline drawings, ids unique across the document.</summary>
internal sealed class Pictures(uint highestIdInTemplate, LetterPackage package)
{
    public const long EmuPerCentimetre = 360000;
    private const long EmuPerInch = 914400;
    private const int DefaultDpi = 96;

    private uint lastId = highestIdInTemplate;

    public uint NextId() => ++lastId;

    /// <summary>Whether <paramref name="image"/> is a PNG or JPEG with data, which is all a drawing can show.</summary>
    public static bool CanPlace(ImageAsset? image) => image?.Data is { Length: > 0 } && Format(image) is not null;

    /// <summary>
    /// Adds <paramref name="image"/> as a part related from <paramref name="part"/> and writes its inline drawing
    /// (w:drawing) at its own size, scaled down to fit. Call only for an image that <see cref="CanPlace"/>.
    /// </summary>
    public void Write(StringBuilder xml, string part, ImageAsset image, long maxWidth, long maxHeight)
    {
        var (extension, contentType) = Format(image)!.Value;
        var folder = part[..(part.LastIndexOf('/') + 1)];
        var name = package.NewPartName(folder + "media/image", extension);
        package.Add(name, image.Data, contentType);
        var relationshipId = package.Relate(part, PartTypes.Image, name[folder.Length..]);
        Inline(xml, image, relationshipId, NextId(), maxWidth, maxHeight);
    }

    /// <summary>The inline drawing (w:drawing) of an image already related as <paramref name="relationshipId"/>, at its own size scaled down to fit.</summary>
    internal static void Inline(StringBuilder xml, ImageAsset image, string relationshipId, uint id, long maxWidth, long maxHeight)
    {
        var (width, height) = Fit(PixelSize(image.Data), maxWidth, maxHeight);
        Drawing(xml, relationshipId, id, width, height, XmlText.Escaped(image.AltText ?? string.Empty));
    }

    internal static (string Extension, string ContentType)? Format(ImageAsset image) => image.ContentType?.ToLowerInvariant() switch
    {
        "image/png" => ("png", "image/png"),
        "image/jpeg" or "image/jpg" => ("jpeg", "image/jpeg"),
        _ => null,
    };

    private static (long Width, long Height) Fit((int Width, int Height, int DpiX, int DpiY)? size, long maxWidth, long maxHeight)
    {
        if (size is not { Width: > 0, Height: > 0 } pixels)
        {
            return (maxWidth, maxHeight);
        }

        double width = pixels.Width * EmuPerInch / (double)pixels.DpiX;
        double height = pixels.Height * EmuPerInch / (double)pixels.DpiY;
        var scale = Math.Min(1, Math.Min(maxWidth / width, maxHeight / height));
        return ((long)(width * scale), (long)(height * scale));
    }

    /// <summary>Pixel size and resolution from a PNG's IHDR/pHYs chunks or a JPEG's JFIF and SOF segments.</summary>
    internal static (int Width, int Height, int DpiX, int DpiY)? PixelSize(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (data.StartsWith(png) && data.Length >= 24)
        {
            return PngSize(data);
        }

        return data.Length > 4 && data[0] == 0xFF && data[1] == 0xD8 ? JpegSize(data) : null;
    }

    private static (int, int, int, int) PngSize(ReadOnlySpan<byte> data)
    {
        var width = BinaryPrimitives.ReadInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadInt32BigEndian(data[20..]);
        int dpiX = DefaultDpi, dpiY = DefaultDpi;
        for (var offset = 8; offset + 12 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data[offset..]);
            var type = data.Slice(offset + 4, 4);
            if (type.SequenceEqual("IDAT"u8) || length < 0)
            {
                break;
            }

            if (type.SequenceEqual("pHYs"u8) && length == 9 && offset + 17 <= data.Length && data[offset + 16] == 1)
            {
                dpiX = DotsPerInch(BinaryPrimitives.ReadInt32BigEndian(data[(offset + 8)..]) * 0.0254);
                dpiY = DotsPerInch(BinaryPrimitives.ReadInt32BigEndian(data[(offset + 12)..]) * 0.0254);
            }

            offset += 12 + length;
        }

        return (width, height, dpiX, dpiY);
    }

    private static (int, int, int, int)? JpegSize(ReadOnlySpan<byte> data)
    {
        int dpiX = DefaultDpi, dpiY = DefaultDpi;
        for (var offset = 2; offset + 9 < data.Length;)
        {
            if (data[offset] != 0xFF)
            {
                return null;
            }

            var marker = data[offset + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            if (marker == 0xE0 && offset + 18 <= data.Length && data.Slice(offset + 4, 5).SequenceEqual("JFIF\0"u8) && data[offset + 11] == 1)
            {
                dpiX = DotsPerInch(BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 12)..]));
                dpiY = DotsPerInch(BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 14)..]));
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 7)..]);
                return (width, height, dpiX, dpiY);
            }

            offset += 2 + length;
        }

        return null;
    }

    private static int DotsPerInch(double value) => value is >= 24 and <= 2400 ? (int)Math.Round(value) : DefaultDpi;

    private static void Drawing(StringBuilder xml, string relationshipId, uint id, long width, long height, string altText) =>
        xml.Append(CultureInfo.InvariantCulture, $"<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{width}\" cy=\"{height}\"/>")
            .Append("<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>")
            .Append(CultureInfo.InvariantCulture, $"<wp:docPr id=\"{id}\" name=\"Picture {id}\" descr=\"{altText}\"/>")
            .Append("<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>")
            .Append("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>")
            .Append(CultureInfo.InvariantCulture, $"<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"Picture {id}\" descr=\"{altText}\"/><pic:cNvPicPr/></pic:nvPicPr>")
            .Append(CultureInfo.InvariantCulture, $"<pic:blipFill><a:blip r:embed=\"{relationshipId}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>")
            .Append(CultureInfo.InvariantCulture, $"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{width}\" cy=\"{height}\"/></a:xfrm>")
            .Append("<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>");
}
