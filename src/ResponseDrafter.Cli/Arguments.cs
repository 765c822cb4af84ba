namespace ResponseDrafter.Cli;

/// <summary>A command's arguments: its files in order, the options given with a value, and whether help was asked for.</summary>
internal sealed record Arguments(IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> Options, bool Help)
{
    /// <summary>
    /// Reads "FILE -o OUT --template T", "--output=OUT" and "--" (everything after it is a file).
    /// <paramref name="optionNames"/> maps each spelling ("-o", "--output") to the option's name.
    /// </summary>
    public static (Arguments? Arguments, string? Error) Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> optionNames)
    {
        var files = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                files.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg is "-h" or "--help")
            {
                help = true;
                continue;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                files.Add(arg);
                continue;
            }

            var (spelling, inlineValue) = arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 0
                ? (arg[..equals], arg[(equals + 1)..])
                : (arg, null);
            if (!optionNames.TryGetValue(spelling, out var name))
            {
                return (null, $"unknown option '{spelling}'");
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrEmpty(value))
            {
                return (null, $"option '{spelling}' needs a value");
            }

            if (!options.TryAdd(name, value))
            {
                return (null, $"option '{spelling}' is given more than once");
            }
        }

        return (new Arguments(files, options, help), null);
    }
}
