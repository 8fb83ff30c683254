namespace SynthFixtures.Cli;

/// <summary>
/// How the CLI shows bad input. The core words its errors in domain terms and lists the settings involved
/// (<see cref="SynthDataException.Settings"/>); here each becomes the option that sets it, added to the hint.
/// </summary>
internal static class CliErrors
{
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        [SettingNames.HoldoutFraction] = "--holdout-fraction",
        [SettingNames.Holdout] = "--holdout",
        [SettingNames.Target] = "--target",
        [SettingNames.Detection] = "--detection",
        [SettingNames.Thresholds] = "--fail-under",
        [SettingNames.Text] = "--text-label",
    };

    /// <summary>The option a setting is given with, or <c>null</c> when no option sets it.</summary>
    public static string? OptionFor(string setting) => Options.GetValueOrDefault(setting);

    /// <summary>The error's message, its hint naming the options of the settings involved.</summary>
    public static string Describe(SynthDataException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var options = error.Settings.Select(OptionFor).OfType<string>().Distinct().ToArray();
        if (options.Length == 0) return error.Message;
        var hint = $"{(error.Hint is null ? "" : error.Hint + " ")}Options: {string.Join(", ", options)}.";
        return new SynthDataException(error.Reason, error.FilePath, error.Line, error.Column, hint, error.ColumnName).Message;
    }

    /// <summary>An I/O failure on a path as one sentence with a hint: the framework's message already names the path.</summary>
    public static string DescribeIo(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            UnauthorizedAccessException => $"{error.Message} Hint: check the permissions of the file and its folder.",
            DirectoryNotFoundException => $"{error.Message} Hint: create the folder first, or check the path.",
            FileNotFoundException => $"{error.Message} Hint: check the path (relative paths are resolved from '{Environment.CurrentDirectory}').",
            _ => $"{error.Message} Hint: check the path, that it is a file and not a folder, and that the disk has room.",
        };
    }
}
