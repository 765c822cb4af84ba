namespace ResponseDrafter.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The template or request has problems; they were printed and nothing was written.</summary>
    public const int Problems = 1;

    /// <summary>The command line was wrong, or a file could not be read or written.</summary>
    public const int Usage = 2;

    /// <summary>import: the report was written, with warnings (printed) to check before it is used.</summary>
    public const int Warnings = 3;
}
