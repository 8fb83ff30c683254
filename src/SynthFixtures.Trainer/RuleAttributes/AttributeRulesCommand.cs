using System.CommandLine;
using System.Security.Cryptography;
using System.Text;

namespace SynthFixtures.Trainer.RuleAttributes;

/// <summary>
/// <c>SynthFixtures.Trainer attribute-rules --sources LIST --model "data.csv|out.rules" …</c>: the build's pre-pass.
/// For each model it writes <c>out.rules</c>, the fragment the lock's settings text gets (<c>rules=</c> and a hash of
/// what the bound types' rule attributes say, or nothing when they say nothing), and <c>out.rules.txt</c>, that text
/// itself; each only when it changed, so an edit that leaves the attributes as they were retrains nothing.
/// </summary>
internal static class AttributeRulesCommand
{
    public const string Name = "attribute-rules";

    public static int Run(string[] args, TextWriter log, CancellationToken cancellationToken)
    {
        var sources = new Option<string>("--sources") { Required = true };
        var models = new Option<string[]>("--model") { Required = true, AllowMultipleArgumentsPerToken = false };
        var root = new RootCommand("Reads the rule attributes of the types bound to each model.") { sources, models };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) log.WriteLine($"SynthFixtures.Trainer : error SF1001: {error.Message}");
            return 2;
        }
        var files = ReadList(parsed.GetValue(sources)!);
        foreach (var pair in parsed.GetValue(models)!)
        {
            var bar = pair.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0)
            {
                log.WriteLine($"SynthFixtures.Trainer : error SF1001: --model takes data.csv|out.rules, not '{pair}'.");
                return 2;
            }
            var text = new AttributeRules(BoundTypeReader.Read(files, pair[..bar], cancellationToken)).Describe();
            var output = pair[(bar + 1)..];
            WriteIfChanged(output, text.Length == 0 ? "" : "rules=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]);
            WriteIfChanged(output + ".txt", text);
        }
        return 0;
    }

    /// <summary>The attribute rules for the model learned from <paramref name="dataPath"/>, or <c>null</c> without a sources list or without rule attributes.</summary>
    public static AttributeRules? RulesFor(string? sourcesList, string dataPath, CancellationToken cancellationToken)
    {
        if (sourcesList is null) return null;
        var rules = new AttributeRules(BoundTypeReader.Read(ReadList(sourcesList), dataPath, cancellationToken));
        return rules.Types.Any(t => t.Rules.Count > 0) ? rules : null;
    }

    private static List<string> ReadList(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }
}
