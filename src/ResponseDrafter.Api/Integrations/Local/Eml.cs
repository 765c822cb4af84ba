using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace ResponseDrafter.Api.Integrations.Local;

/// <summary>An RFC 5322 message with MIME parts (RFC 2045/2046): the text, then each attachment, base64.</summary>
internal static class Eml
{
    private const string CrLf = "\r\n";

    /// <summary>Folding white space (RFC 5322 §2.2.3): parameters go on their own line to keep lines short.</summary>
    private const string Fold = "\r\n ";

    public static string MessageId(string messageKey, string fromAddress) => $"<{messageKey}@{new MailAddress(fromAddress).Host}>";

    public static string Compose(OutgoingMail mail, string fromAddress, DateTimeOffset date)
    {
        var boundary = $"=_responsedrafter_{Guid.NewGuid():N}";
        var text = new StringBuilder();
        Header(text, "From", Address(fromAddress));
        Header(text, "To", string.Join(", ", mail.To.Select(Address)));
        if (mail.Cc.Count > 0)
        {
            Header(text, "Cc", string.Join(", ", mail.Cc.Select(Address)));
        }

        Header(text, "Subject", EncodedWords(mail.Subject));
        Header(text, "Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal));
        Header(text, "Message-ID", MessageId(mail.MessageKey, fromAddress));
        Header(text, "X-ResponseDrafter-Message-Key", mail.MessageKey);
        Header(text, "MIME-Version", "1.0");
        Header(text, "Content-Type", $"multipart/mixed;{Fold}boundary=\"{boundary}\"");
        text.Append(CrLf);

        Part(text, boundary, ["Content-Type: text/plain; charset=utf-8"], Encoding.UTF8.GetBytes(mail.Body));
        foreach (var attachment in mail.Attachments)
        {
            Part(text, boundary,
                [$"Content-Type: {attachment.ContentType};{Fold}{FileNameParameter("name", attachment.FileName)}",
                 $"Content-Disposition: attachment;{Fold}{FileNameParameter("filename", attachment.FileName)}"],
                attachment.Content);
        }

        text.Append("--").Append(boundary).Append("--").Append(CrLf);
        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string value) => text.Append(name).Append(": ").Append(value).Append(CrLf);

    private static void Part(StringBuilder text, string boundary, string[] headers, byte[] content)
    {
        text.Append("--").Append(boundary).Append(CrLf);
        foreach (var header in headers)
        {
            text.Append(header).Append(CrLf);
        }

        text.Append("Content-Transfer-Encoding: base64").Append(CrLf).Append(CrLf);
        var base64 = Convert.ToBase64String(content);
        for (var i = 0; i < base64.Length; i += 76)
        {
            text.Append(base64.AsSpan(i, Math.Min(76, base64.Length - i))).Append(CrLf);
        }
    }

    /// <summary>Parsing through MailAddress also refuses line breaks, so no header can be injected.</summary>
    private static string Address(string address) =>
        MailAddress.TryCreate(address, out var parsed)
            ? parsed.Address
            : throw new IntegrationException("A recipient is not a valid email address.", isTransient: false);

    private static string FileNameParameter(string name, string fileName) =>
        IsPlainAscii(fileName) && !fileName.Contains('"', StringComparison.Ordinal)
            ? $"{name}=\"{fileName}\""
            : $"{name}*=utf-8''{Uri.EscapeDataString(fileName)}";

    /// <summary>RFC 2047 encoded words for a non-ASCII subject, each short enough for a 78-column line.</summary>
    private static string EncodedWords(string subject)
    {
        var singleLine = subject.ReplaceLineEndings(" ");
        if (IsPlainAscii(singleLine))
        {
            return singleLine;
        }

        var words = new List<string>();
        var chunk = new List<byte>();
        foreach (var rune in singleLine.EnumerateRunes())
        {
            var bytes = Encoding.UTF8.GetBytes(rune.ToString());
            if (chunk.Count + bytes.Length > 45)
            {
                words.Add(Word(chunk));
                chunk.Clear();
            }

            chunk.AddRange(bytes);
        }

        words.Add(Word(chunk));
        return string.Join(Fold, words);

        static string Word(List<byte> bytes) => $"=?utf-8?B?{Convert.ToBase64String([.. bytes])}?=";
    }

    private static bool IsPlainAscii(string value) => value.All(c => c is >= ' ' and <= '~');
}
