using System.Net;
using System.Security.Cryptography;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Tests.Infrastructure;

namespace ResponseDrafter.Api.Tests.Imports;

/// <summary>
/// Each kind of hostile or unusable file is refused at the preview and at the confirmation, with its own code and a
/// message saying what to do, and the draft is left exactly as it was.
/// </summary>
[TestClass]
public sealed class HostileUploadTests
{
    private static readonly Dictionary<string, Func<byte[]>> Files = new()
    {
        ["encrypted"] = ImportFiles.Encrypted,
        ["macro-enabled"] = ImportFiles.MacroEnabled,
        ["malformed"] = ImportFiles.Malformed,
        ["not-word"] = ImportFiles.Pdf,
        ["zip-bomb"] = ImportFiles.ZipBomb,
        ["external-relationship"] = ImportFiles.ExternalRelationship,
    };

    [TestMethod]
    [DataRow("encrypted", "encrypted-or-legacy-word", "\"force.docx\" is password-protected, or is an old-style Word 97–2003 (.doc) file.")]
    [DataRow("macro-enabled", "macro-enabled", "\"force.docx\" contains macros.")]
    [DataRow("malformed", "malformed-xml", "\"force.docx\" is damaged: some of the XML inside it is not well-formed")]
    [DataRow("not-word", "not-word", "\"force.docx\" is not a Word document (.docx) (it is a PDF).")]
    [DataRow("zip-bomb", "expands-too-much", "\"force.docx\" has been refused as unsafe: its part word/document.xml expands")]
    [DataRow("external-relationship", "external-relationship", "\"force.docx\" links to outside content (an attached template)")]
    public async Task AHostileFileIsRefusedWithItsOwnMessageAndNothingIsStored(string file, string code, string message)
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var bytes = Files[file]();

        var preview = await client.PreviewAssuranceAsync(scenario, bytes, "force.docx");
        var confirm = await client.ConfirmAssuranceAsync(scenario, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            new Dictionary<string, string[]> { ["2"] = ["s1"] }, scenario.DraftETag, "force.docx");

        foreach (var response in new[] { preview, confirm })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.AreEqual(code, (string)problem["code"]!);
            StringAssert.StartsWith((string)problem["detail"]!, message);
            Assert.AreEqual("The file was refused; nothing was kept.", (string)problem["title"]!);
        }

        var draft = await client.GetAsync(scenario.DraftUrl);
        Assert.AreEqual(scenario.DraftETag, draft.ETag(), "The draft's version is unchanged.");
        Assert.IsTrue((await draft.ReadAsync<DraftDto>()).Responses.All(r => r.Assurance is null));
    }

    [TestMethod]
    public async Task AFileOverTheUploadLimitIsRefusedBeforeItIsRead()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);
        var bytes = ImportFiles.TooLarge();

        var response = await client.ConfirmAssuranceAsync(scenario, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            new Dictionary<string, string[]> { ["2"] = ["s1"] }, scenario.DraftETag, "force.docx");

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.AreEqual("This endpoint accepts at most 10240 KiB.", (string)problem["detail"]!);
        Assert.AreEqual(scenario.DraftETag, (await client.GetAsync(scenario.DraftUrl)).ETag());
    }

    [TestMethod]
    public async Task AnEmptyFileIsRefusedWithItsOwnMessage()
    {
        using var host = await ApiHost.StartAsync();
        var scenario = await Scenario.CreateAsync(host);
        using var client = host.ClientFor(Caller.Drafter);

        var response = await client.PreviewAssuranceAsync(scenario, [], "force.docx");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.AreEqual("empty", (string)problem["code"]!);
        Assert.AreEqual("\"force.docx\" is empty. Choose the Word document again and upload it.", (string)problem["detail"]!);
    }
}
