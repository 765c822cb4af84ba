using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using ResponseDrafter.Browser.Tests.Infrastructure;

namespace ResponseDrafter.Browser.Tests;

/// <summary>The Word and Teams manifests, written by manifest/build.mjs from one environment file.</summary>
[TestClass]
public sealed class ManifestTests
{
    private static readonly XNamespace Office = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Overrides = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
    private static readonly XNamespace Basic = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void TeamsManifestPassesTheOfficialSchema()
    {
        var output = Generate(Repository.PathOf("manifest", "environments", "development.json"));
        var result = Node("validate-teams.mjs", Path.Combine(output, "teams", "package", "manifest.json"));
        TestContext.WriteLine(result.Output);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "\"valid\":true");
    }

    [TestMethod]
    public void SchemaValidationRejectsABrokenTeamsManifest()
    {
        var output = Generate(Repository.PathOf("manifest", "environments", "development.json"));
        var path = Path.Combine(output, "teams", "package", "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["id"] = "not-a-guid";
        File.WriteAllText(path, manifest.ToJsonString());
        var result = Node("validate-teams.mjs", path);
        Assert.AreEqual(1, result.ExitCode);
        StringAssert.Contains(result.Output, "/id must match pattern");
    }

    [TestMethod]
    public void TeamsManifestHasTheBoardTabsTheNotifiersActivitiesAndBothIcons()
    {
        var environment = EnvironmentFile("development");
        var package = Path.Combine(Generate(Repository.PathOf("manifest", "environments", "development.json")), "teams", "package");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(package, "manifest.json")))!;
        var origin = environment["origin"]!.GetValue<string>();

        Assert.AreEqual(environment["teamsAppId"]!.GetValue<string>(), manifest["id"]!.GetValue<string>());
        var personal = manifest["staticTabs"]!.AsArray().Single()!;
        Assert.AreEqual($"{origin}/board.html?host=teams", personal["contentUrl"]!.GetValue<string>());
        CollectionAssert.AreEqual(new[] { "personal" }, personal["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray());
        var channel = manifest["configurableTabs"]!.AsArray().Single()!;
        Assert.AreEqual($"{origin}/board-config.html?host=teams", channel["configurationUrl"]!.GetValue<string>());
        CollectionAssert.Contains(channel["context"]!.AsArray().Select(s => s!.GetValue<string>()).ToList(), "channelTab");
        CollectionAssert.AreEqual(new[] { new Uri(origin).Authority }, manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()).ToArray());
        CollectionAssert.AreEquivalent(
            new[] { "approvalRequested", "changesRequested", "responseApproved", "deadlineApproaching" },
            manifest["activities"]!["activityTypes"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()).ToArray());

        var color = File.ReadAllBytes(Path.Combine(package, manifest["icons"]!["color"]!.GetValue<string>()));
        var outline = File.ReadAllBytes(Path.Combine(package, manifest["icons"]!["outline"]!.GetValue<string>()));
        Assert.AreEqual((192, 192), PngSize(color));
        Assert.AreEqual((32, 32), PngSize(outline));
        Assert.AreEqual(6, outline[25], "The outline icon has an alpha channel (RGBA), so its background is transparent.");
    }

    [TestMethod]
    public void WordManifestDeclaresTheTaskPaneRibbonButtonRequirementSetsAndAutoOpen()
    {
        var environment = EnvironmentFile("development");
        var origin = environment["origin"]!.GetValue<string>();
        var manifest = XDocument.Load(Path.Combine(Generate(Repository.PathOf("manifest", "environments", "development.json")), "word", "manifest.xml"));
        var app = manifest.Root!;

        Assert.AreEqual(Office + "OfficeApp", app.Name);
        Assert.AreEqual("TaskPaneApp", (string?)app.Attribute(Xsi + "type"));
        Assert.AreEqual(environment["wordAddInId"]!.GetValue<string>(), (string?)app.Element(Office + "Id"));
        Assert.AreEqual("Document", (string?)app.Element(Office + "Hosts")!.Element(Office + "Host")!.Attribute("Name"));
        Assert.AreEqual($"{origin}/taskpane.html", (string?)app.Element(Office + "DefaultSettings")!.Element(Office + "SourceLocation")!.Attribute("DefaultValue"));
        Assert.AreEqual("ReadWriteDocument", (string?)app.Element(Office + "Permissions"));
        var wordApi = app.Element(Office + "Requirements")!.Descendants(Office + "Set").Single(s => (string?)s.Attribute("Name") == "WordApi");
        Assert.AreEqual("1.4", (string?)wordApi.Attribute("MinVersion"), "Custom XML parts need WordApi 1.4 (content controls and insertFileFromBase64 are 1.1).");
        var file = app.Element(Office + "Requirements")!.Descendants(Office + "Set").Single(s => (string?)s.Attribute("Name") == "File");
        Assert.AreEqual("1.1", (string?)file.Attribute("MinVersion"), "Approving sends the open document through getFileAsync (File 1.1).");

        var overrides = app.Element(Overrides + "VersionOverrides")!;
        var button = overrides.Descendants(Overrides + "Control").Single();
        Assert.AreEqual("Button", (string?)button.Attribute(Xsi + "type"));
        var action = button.Element(Overrides + "Action")!;
        Assert.AreEqual("ShowTaskpane", (string?)action.Attribute(Xsi + "type"));
        Assert.AreEqual("Office.AutoShowTaskpaneWithDocument", (string?)action.Element(Overrides + "TaskpaneId"));
        var resources = overrides.Element(Overrides + "Resources")!;
        var urls = resources.Descendants(Basic + "Url").Concat(resources.Descendants(Basic + "Image")).ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("DefaultValue")!);
        Assert.AreEqual($"{origin}/taskpane.html", urls[(string)action.Element(Overrides + "SourceLocation")!.Attribute("resid")!]);
        foreach (var size in new[] { "16", "32", "80" })
        {
            var id = (string)button.Element(Overrides + "Icon")!.Elements(Basic + "Image").Single(i => (string?)i.Attribute("size") == size).Attribute("resid")!;
            Assert.AreEqual($"{origin}/lib/icons/icon-{size}.png", urls[id]);
        }

        var everyUrl = app.Descendants().Attributes("DefaultValue").Select(a => a.Value).Where(v => v.StartsWith("http", StringComparison.Ordinal));
        Assert.IsTrue(everyUrl.All(u => u.StartsWith(origin + "/", StringComparison.Ordinal)), "Every URL is on the API's origin.");
        CollectionAssert.AreEqual(new[] { origin }, app.Element(Office + "AppDomains")!.Elements().Select(e => e.Value).ToArray());
        Assert.IsNull(overrides.Element(Overrides + "WebApplicationInfo"), "Without an Entra client id (local development sign-in) there is no single sign-on section.");
    }

    [TestMethod]
    public void ManifestsWithAnEntraClientIdCarrySingleSignOnForTheApi()
    {
        const string clientId = "5d2f7b1e-3c4a-4e8b-9f10-2a6b7c8d9e0f";
        var file = Path.Combine(TestFolder(), "contoso.json");
        var environment = EnvironmentFile("development");
        environment["origin"] = "https://responsedrafter.contoso-opcc.example";
        environment["clientId"] = clientId;
        File.WriteAllText(file, environment.ToJsonString());
        var output = Generate(file, withLib: true);

        var word = XDocument.Load(Path.Combine(output, "word", "manifest.xml"));
        var sso = word.Root!.Element(Overrides + "VersionOverrides")!.Element(Overrides + "WebApplicationInfo")!;
        Assert.AreEqual(clientId, (string?)sso.Element(Overrides + "Id"));
        Assert.AreEqual($"api://responsedrafter.contoso-opcc.example/{clientId}", (string?)sso.Element(Overrides + "Resource"));

        var teamsPath = Path.Combine(output, "teams", "package", "manifest.json");
        var teams = JsonNode.Parse(File.ReadAllText(teamsPath))!;
        Assert.AreEqual(clientId, teams["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.AreEqual($"api://responsedrafter.contoso-opcc.example/{clientId}", teams["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.AreEqual(0, Node("validate-teams.mjs", teamsPath).ExitCode);

        var signIn = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "lib", "sign-in.json")))!;
        Assert.AreEqual(clientId, signIn["clientId"]!.GetValue<string>());
        CollectionAssert.AreEqual(new[] { $"api://responsedrafter.contoso-opcc.example/{clientId}/access_as_user" },
            signIn["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray());
    }

    [TestMethod]
    public void DevelopmentManifestsMatchTheApisDevelopmentConfiguration()
    {
        var environment = EnvironmentFile("development");
        var api = Repository.PathOf("src", "ResponseDrafter.Api");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(api, "appsettings.json"))
            .AddJsonFile(Path.Combine(api, "appsettings.Development.json"))
            .Build();
        Assert.AreEqual(configuration["AzureAd:ClientId"] ?? string.Empty, environment["clientId"]!.GetValue<string>(),
            "The manifests' client id is the API's AzureAd:ClientId (empty: the local development sign-in).");

        var origin = new Uri(environment["origin"]!.GetValue<string>());
        var launch = JsonNode.Parse(File.ReadAllText(Path.Combine(api, "Properties", "launchSettings.json")))!;
        var served = launch["profiles"]!.AsObject()
            .Where(p => p.Value!["environmentVariables"]?["ASPNETCORE_ENVIRONMENT"]?.GetValue<string>() == "Development")
            .SelectMany(p => (p.Value!["applicationUrl"]?.GetValue<string>() ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            .Select(u => new Uri(u))
            .ToList();
        CollectionAssert.Contains(served, origin,
            $"Office and Teams load the pane from {origin}: a Development launch profile of the API must serve it (https, loopback).");
    }

    [TestMethod]
    public void BuildWritesTheTeamsAppPackageAndTheWordManifest()
    {
        var built = Path.Combine(Repository.ArtifactsPath, "manifest");
        Assert.IsTrue(File.Exists(Path.Combine(built, "word", "manifest.xml")), $"No Word manifest under {built}.");
        using var zip = ZipFile.OpenRead(Path.Combine(built, "teams", "responsedrafter-development.zip"));
        CollectionAssert.AreEquivalent(new[] { "manifest.json", "color.png", "outline.png" }, zip.Entries.Select(e => e.FullName).ToArray());
    }

    private static JsonObject EnvironmentFile(string name) =>
        JsonNode.Parse(File.ReadAllText(Repository.PathOf("manifest", "environments", $"{name}.json")))!.AsObject();

    private string TestFolder() => Directory.CreateTempSubdirectory($"rd-manifest-{TestContext.TestName}-").FullName;

    private string Generate(string environmentFile, bool withLib = false)
    {
        var output = TestFolder();
        var arguments = new List<string> { "--environment-file", environmentFile, "--out", output };
        if (withLib)
        {
            arguments.AddRange(["--wwwroot-lib", Path.Combine(output, "lib")]);
        }

        var result = Node("build.mjs", [.. arguments]);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        return output;
    }

    private static (int ExitCode, string Output) Node(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.PathOf("manifest", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
}
