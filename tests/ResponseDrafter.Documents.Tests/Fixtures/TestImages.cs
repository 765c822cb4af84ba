using System.Buffers.Binary;
using System.IO.Compression;
using ResponseDrafter.Documents.Letters;

namespace ResponseDrafter.Documents.Tests.Fixtures;

/// <summary>Small PNG pictures drawn in code, so fixtures carry real image bytes without binary files.</summary>
public static class TestImages
{
    /// <summary>A 360×120 navy badge with a light band: stands in for an OPCC logo.</summary>
    public static ImageAsset Logo { get; } = new()
    {
        ContentType = "image/png",
        Data = Png(360, 120, (x, y) => y is > 50 and < 70 ? (0xC9, 0xD6, 0xEA) : x < 120 ? (0x1F, 0x38, 0x64) : (0xFF, 0xFF, 0xFF)),
        AltText = "Logo of the Office of the Police, Fire and Crime Commissioner for Essex",
    };

    /// <summary>A 300×90 wavy ink line: stands in for a scanned signature.</summary>
    public static ImageAsset Signature { get; } = new()
    {
        ContentType = "image/png",
        Data = Png(300, 90, (x, y) => Math.Abs(y - (45 + (30 * Math.Sin(x / 18.0)))) < 2.5 ? (0x10, 0x20, 0x60) : (0xFF, 0xFF, 0xFF)),
        AltText = "Signature of Roger Hirst",
    };

    public static byte[] Png(int width, int height, Func<int, int, (int R, int G, int B)> pixel)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                raw[row + 1 + (x * 3)] = (byte)r;
                raw[row + 2 + (x * 3)] = (byte)g;
                raw[row + 3 + (x * 3)] = (byte)b;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, System.IO.Hashing.Crc32.HashToUInt32(typed));
        png.Write(number);
    }
}
