using System.Net.Mail;
using MimeKit;

namespace ResponseDrafter.Api.Integrations.Local;

/// <summary>An RFC 5322 message written by MimeKit: the text, then each attachment, all base64, CRLF line ends.</summary>
internal static class Eml
{
    private static readonly FormatOptions Format = new() { NewLineFormat = NewLineFormat.Dos };

    public static string MessageId(string messageKey, string fromAddress) => $"<{MessageIdValue(messageKey, fromAddress)}>";

    public static byte[] Compose(OutgoingMail mail, string fromAddress, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject.ReplaceLineEndings(" "),
            Date = date,
            MessageId = MessageIdValue(mail.MessageKey, fromAddress),
        };
        message.From.Add(Mailbox(fromAddress));
        message.To.AddRange(mail.To.Select(Mailbox));
        message.Cc.AddRange(mail.Cc.Select(Mailbox));
        message.Headers.Add("X-ResponseDrafter-Message-Key", mail.MessageKey);

        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText("utf-8", mail.Body);
        var body = new Multipart("mixed") { text };
        foreach (var attachment in mail.Attachments)
        {
            body.Add(new MimePart(ContentType.Parse(attachment.ContentType))
            {
                Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.FileName,
            });
        }

        message.Body = body;
        using var eml = new MemoryStream();
        message.WriteTo(Format, eml);
        return eml.ToArray();
    }

    private static string MessageIdValue(string messageKey, string fromAddress) => $"{messageKey}@{new MailAddress(fromAddress).Host}";

    /// <summary>Parsing through MailAddress also refuses line breaks, so no header can be injected.</summary>
    private static MailboxAddress Mailbox(string address) =>
        MailAddress.TryCreate(address, out var parsed)
            ? new MailboxAddress(string.Empty, parsed.Address)
            : throw new IntegrationException("A recipient is not a valid email address.", isTransient: false);
}
