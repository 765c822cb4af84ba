namespace ResponseDrafter.Browser.Tests.Infrastructure;

/// <summary>
/// What every browser test class stands on: the real API on loopback (its own SQLite database and stores) and Debian's
/// Chromium, started before the class's first test and stopped after its last. Test classes run one after another,
/// so the one server and browser are never shared between classes.
/// </summary>
public abstract class PaneTest
{
    protected static ApiServer Server { get; private set; } = null!;

    protected static Chromium Chromium { get; private set; } = null!;

    /// <summary>Drafts taken through sign-off over the API on <see cref="Server"/>.</summary>
    protected static SignOffDrafts Drafts => new(Server);

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StartAsync(TestContext _)
    {
        Server = ApiServer.Start();
        Chromium = await Chromium.LaunchAsync();
    }

    [ClassCleanup(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StopAsync()
    {
        await Chromium.DisposeAsync();
        Server.Dispose();
    }
}
