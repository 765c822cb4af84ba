using ResponseDrafter.Documents.Assembly;
using ResponseDrafter.Documents.Tests.Fixtures;

namespace ResponseDrafter.Documents.Tests.Assembly;

[TestClass]
public sealed class PicturesTests
{
    [TestMethod]
    public void PngSizeIsReadFromItsHeader() =>
        Assert.AreEqual((360, 120, 96, 96), Pictures.PixelSize(TestImages.Logo.Data));

    [TestMethod]
    public void JpegSizeAndResolutionAreReadFromItsSegments()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x01, 0x01, 0x2C, 0x01, 0x2C, 0x00, 0x00,
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x50, 0x01, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        ];

        Assert.AreEqual((320, 80, 300, 300), Pictures.PixelSize(jpeg));
    }

    [TestMethod]
    public void OtherBytesHaveNoSize() => Assert.IsNull(Pictures.PixelSize("GIF89a"u8));
}
