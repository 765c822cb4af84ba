using System.Buffers.Binary;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ResponseDrafter.Documents.Letters;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>Adds PNG and JPEG pictures as image parts with inline drawings, ids unique across the document.</summary>
internal sealed class Pictures(uint highestIdInTemplate)
{
    public const long EmuPerCentimetre = 360000;
    private const long EmuPerInch = 914400;
    private const int DefaultDpi = 96;

    private uint lastId = highestIdInTemplate;

    public uint NextId() => ++lastId;

    /// <summary>The drawing for <paramref name="image"/> at its own size, scaled down to fit; null if it is not a PNG or JPEG.</summary>
    public Drawing? Drawing(OpenXmlPart part, ImageAsset image, long maxWidth, long maxHeight)
    {
        var type = image.ContentType?.ToLowerInvariant() switch
        {
            "image/png" => ImagePartType.Png,
            "image/jpeg" or "image/jpg" => ImagePartType.Jpeg,
            _ => (PartTypeInfo?)null,
        };
        if (type is not { } partType || image.Data is not { Length: > 0 } data)
        {
            return null;
        }

        var imagePart = part switch
        {
            MainDocumentPart main => main.AddImagePart(partType),
            HeaderPart header => header.AddImagePart(partType),
            FooterPart footer => footer.AddImagePart(partType),
            _ => null,
        };
        if (imagePart is null)
        {
            return null;
        }

        using (var stream = imagePart.GetStream(FileMode.Create))
        {
            stream.Write(data);
        }

        var (width, height) = Fit(PixelSize(data), maxWidth, maxHeight);
        return Inline(part.GetIdOfPart(imagePart), NextId(), width, height, image.AltText ?? string.Empty);
    }

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

    private static Drawing Inline(string relationshipId, uint id, long width, long height, string altText) =>
        new(new Wp.Inline(
            new Wp.Extent { Cx = width, Cy = height },
            new Wp.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Wp.DocProperties { Id = id, Name = $"Picture {id}", Description = altText },
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(
                        new Pic.NonVisualDrawingProperties { Id = 0, Name = $"Picture {id}", Description = altText },
                        new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(
                        new A.Blip { Embed = relationshipId },
                        new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width, Cy = height }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0,
            DistanceFromBottom = 0,
            DistanceFromLeft = 0,
            DistanceFromRight = 0,
        });
}
