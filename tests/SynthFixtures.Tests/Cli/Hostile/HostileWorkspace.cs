using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Cli.Hostile;

/// <summary>
/// A folder of good and bad inputs that every hostile case starts from: a CSV and spellings of it (hard link, symbolic
/// link), a model and crafted models with valid checksums, metadata, malformed CSVs and JSON, a folder. Its
/// <see cref="Snapshot"/> lists every entry with a hash of its bytes, so a case can show nothing was added or changed.
/// </summary>
internal sealed class HostileWorkspace : IDisposable
{
    private static readonly Lazy<Table> Data = new(() => MixedTestTable.Create(300));
    private static readonly Lazy<byte[]> Model = new(() => ModelArtifact.ToBytes(GaussianCopulaFitter.Fit(Data.Value, MixedTestTable.Metadata(), new GaussianCopulaOptions())));

    private readonly TempFolder _folder = new();

    public HostileWorkspace()
    {
        CsvTableWriter.Write(Data.Value, File("data.csv"));
        System.IO.File.Copy(File("data.csv"), File("data.holdout.csv"));
        CsvTableWriter.Write(ModelArtifact.FromBytes(Model.Value).Sample(100, 3).ToTable(), File("synth.csv"));
        System.IO.File.WriteAllText(File("meta.json"), MetadataJson.Serialize(MixedTestTable.Metadata()));
        System.IO.File.WriteAllBytes(File("model.synth"), Model.Value);
        Directory.CreateDirectory(File("sub"));
        System.IO.File.WriteAllText(File("sub/keep.txt"), "kept");
        System.IO.File.CreateSymbolicLink(File("link.csv"), File("data.csv"));
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The hostile corpus makes hard links with libc.");
        if (Posix.link(File("data.csv"), File("hard.csv")) != 0) throw new IOException($"link failed: errno {Marshal.GetLastPInvokeError()}");

        System.IO.File.WriteAllText(File("ragged.csv"), "a,b,c\n1,2,3\n4,5\n");
        System.IO.File.WriteAllBytes(File("badutf8.csv"), [.. "a,b\n1,x"u8, 0xFF, .. "y\n"u8]);
        System.IO.File.WriteAllText(File("empty.csv"), "");
        System.IO.File.WriteAllText(File("blank.csv"), " \n\t\n");
        System.IO.File.WriteAllText(File("quote.csv"), "a,b\n1,\"open\n2,3\n");
        System.IO.File.WriteAllText(File("duphead.csv"), "a,b,a\n1,2,3\n");
        System.IO.File.WriteAllText(File("badjson.json"), "{\n  \"columns\": [\n    { \"name\": \"x\" \"kind\": \"decimal\" }\n  ]\n}\n");
        System.IO.File.WriteAllText(File("badkind.json"), MetadataJson.Serialize(MixedTestTable.Metadata()).Replace("\"categorical\"", "\"colour\"", StringComparison.Ordinal));

        System.IO.File.WriteAllBytes(File("nullprov.synth"), TamperedArtifact.RewriteHeader(Model.Value, header =>
        {
            var start = header.IndexOf("\"provenance\":{", StringComparison.Ordinal);
            var end = header.IndexOf('}', start); // the provenance object holds no nested object
            return header[..start] + "\"provenance\":null" + header[(end + 1)..];
        }));
        System.IO.File.WriteAllBytes(File("nullkind.synth"), TamperedArtifact.RewriteHeader(Model.Value, Replace("\"modelKind\":\"gaussiancopula\"", "\"modelKind\":null")));
        System.IO.File.WriteAllBytes(File("baddate.synth"), TamperedArtifact.RewriteHeader(Model.Value, Replace("\"dateTimeFormat\":\"yyyy-MM-dd\"", "\"dateTimeFormat\":\"%\"")));
        System.IO.File.WriteAllBytes(File("truncated.synth"), Model.Value[..(Model.Value.Length / 2)]);
        System.IO.File.Copy(File("data.csv"), File("notmodel.synth"));
    }

    /// <summary>The workspace folder.</summary>
    public string Path => _folder.Path;

    /// <summary>A path in the workspace.</summary>
    public string File(string name) => _folder.File(name);

    /// <summary>Every entry under the folder (relative path) with what it is: a folder, a link and its target, or a file's SHA-256.</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(Path).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var name = System.IO.Path.GetRelativePath(Path, entry.FullName);
            entries[name] = entry switch
            {
                { LinkTarget: { } target } => "link to " + target,
                DirectoryInfo => "folder",
                _ => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(entry.FullName))),
            };
        }
        return entries;
    }

    public void Dispose() => _folder.Dispose();

    private static Func<string, string> Replace(string find, string replace) => header =>
        header.Contains(find, StringComparison.Ordinal) ? header.Replace(find, replace, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The model header has no {find}.");


    private static class Posix
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
    }
}
