using ResponseDrafter.Api.Integrations;

namespace ResponseDrafter.Api.Tests.Integrations;

internal static class Samples
{
    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static OutgoingMail Letter(string key) => new(
        key,
        ["section55responses@homeoffice.gov.uk"],
        ["enquiries@hmicfrs.gov.uk"],
        "Response to the HMICFRS report: Hidden victims",
        "Please find attached the Commissioner's response.",
        [new MailAttachment("response.pdf", "application/pdf", Bytes(5_000, seed: key.Length))]);
}
