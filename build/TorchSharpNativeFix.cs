// Compiled by MSBuild's RoslynCodeTaskFactory (build/SynthFixtures.TorchSharp.targets) against netstandard 2.0, so it
// reads little-endian fields by hand instead of with BinaryPrimitives (absent from netstandard 2.0). Also compiled
// into tests/SynthFixtures.Training.Tests, which exercise it on the real library.
#nullable enable
using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SynthFixtures.BuildTasks
{
    /// <summary>
    /// TorchSharp 0.107.0's libLibTorchSharp.so (built with GCC 13) requires symbol version GLIBCXX_3.4.32, which
    /// Debian 12's libstdc++ (GCC 12) lacks, so the native load fails. The only symbol bound to that version is never
    /// relocated, so marking the requirement weak (VER_FLG_WEAK in its Elf64_Vernaux) turns the loader's error into a
    /// warning. This task does that to the copies in the build output, only when the system libstdc++.so.6 does not
    /// define the version; elsewhere it does nothing. Running it twice changes nothing.
    /// </summary>
    public sealed class PatchWeakSymbolVersion : Microsoft.Build.Utilities.Task
    {
        /// <summary>The libraries in the build output to patch (never the NuGet cache's files).</summary>
        [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The symbol version to make weak.</summary>
        [Required] public string Version { get; set; } = "";

        /// <summary>The system libstdc++ to check; found in the usual library folders when empty.</summary>
        public string SystemLibrary { get; set; } = "";

        /// <summary>
        /// Patch whatever this machine's libstdc++ defines: for files that ship to other machines (the dotnet tool).
        /// A weak requirement costs nothing where the version exists.
        /// </summary>
        public bool Always { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            if (Files.Length == 0) return true;
            if (Always) return PatchAll();
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return true;
            var system = string.IsNullOrEmpty(SystemLibrary) ? ElfVersions.FindSystemLibStdCxx() : SystemLibrary;
            if (system == null || !File.Exists(system))
            {
                Log.LogMessage(MessageImportance.Low, "libstdc++.so.6 not found; TorchSharp's native library left as is.");
                return true;
            }
            if (ElfVersions.DefinesVersion(File.ReadAllBytes(system), Version))
            {
                Log.LogMessage(MessageImportance.Low, "{0} defines {1}; no patch needed.", system, Version);
                return true;
            }
            return PatchAll();
        }

        private bool PatchAll()
        {
            foreach (var item in Files)
            {
                var path = item.ItemSpec;
                var bytes = File.ReadAllBytes(path);
                var result = ElfVersions.MarkNeededVersionWeak(bytes, Version);
                if (result != PatchResult.Patched)
                {
                    Log.LogMessage(MessageImportance.Low, "{0}: {1}.", path, result);
                    continue;
                }
                // Write a new file rather than in place, so a hard link into the NuGet cache can never be modified;
                // keep the timestamp so the SDK's incremental copy sees the file as up to date.
                var stamp = File.GetLastWriteTimeUtc(path);
                File.Delete(path);
                File.WriteAllBytes(path, bytes);
                File.SetLastWriteTimeUtc(path, stamp);
                Log.LogMessage(MessageImportance.High, "{0}: marked {1} weak (Debian 12's libstdc++ lacks it; see docs/torchsharp-debian12.md).", path, Version);
            }
            return true;
        }
    }

    /// <summary>What <see cref="ElfVersions.MarkNeededVersionWeak"/> did.</summary>
    public enum PatchResult
    {
        /// <summary>The bit was set.</summary>
        Patched,
        /// <summary>The requirement was already weak.</summary>
        AlreadyWeak,
        /// <summary>The file does not require that version.</summary>
        NotRequired,
    }

    /// <summary>Reads and edits the GNU symbol-version sections of a 64-bit little-endian ELF file.</summary>
    public static class ElfVersions
    {
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlgWeak = 0x2;

        /// <summary>The usual locations of the system's libstdc++.so.6, first existing one.</summary>
        public static string? FindSystemLibStdCxx()
        {
            foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64" })
            {
                var path = Path.Combine(dir, "libstdc++.so.6");
                if (File.Exists(path)) return path;
            }
            return null;
        }

        /// <summary>Whether the library defines (exports) symbol version <paramref name="version"/> in its .gnu.version_d.</summary>
        public static bool DefinesVersion(byte[] elf, string version)
        {
            foreach (var section in Sections(elf))
            {
                if (section.Type != ShtGnuVerdef) continue;
                var strings = StringTable(elf, section.Link);
                var at = section.Offset;
                while (true)
                {
                    // Elf64_Verdef: version u16, flags u16, ndx u16, cnt u16, hash u32, aux u32, next u32
                    var count = U16(elf, at + 6);
                    var aux = at + U32(elf, at + 12);
                    for (var i = 0; i < count; i++)
                    {
                        // Elf64_Verdaux: name u32, next u32
                        if (Name(elf, strings, U32(elf, aux)) == version) return true;
                        aux += U32(elf, aux + 4);
                    }
                    var next = U32(elf, at + 16);
                    if (next == 0) break;
                    at += next;
                }
            }
            return false;
        }

        /// <summary>Sets VER_FLG_WEAK on every Elf64_Vernaux in .gnu.version_r that names <paramref name="version"/>.</summary>
        public static PatchResult MarkNeededVersionWeak(byte[] elf, string version)
        {
            var result = PatchResult.NotRequired;
            foreach (var section in Sections(elf))
            {
                if (section.Type != ShtGnuVerneed) continue;
                var strings = StringTable(elf, section.Link);
                var at = section.Offset;
                while (true)
                {
                    // Elf64_Verneed: version u16, cnt u16, file u32, aux u32, next u32
                    var count = U16(elf, at + 2);
                    var aux = at + U32(elf, at + 8);
                    for (var i = 0; i < count; i++)
                    {
                        // Elf64_Vernaux: hash u32, flags u16, other u16, name u32, next u32
                        if (Name(elf, strings, U32(elf, aux + 8)) == version)
                        {
                            var flags = U16(elf, aux + 4);
                            if ((flags & VerFlgWeak) != 0)
                            {
                                if (result == PatchResult.NotRequired) result = PatchResult.AlreadyWeak;
                            }
                            else
                            {
                                flags |= VerFlgWeak;
                                elf[aux + 4] = (byte)flags;
                                elf[aux + 5] = (byte)(flags >> 8);
                                result = PatchResult.Patched;
                            }
                        }
                        aux += U32(elf, aux + 12);
                    }
                    var next = U32(elf, at + 12);
                    if (next == 0) break;
                    at += next;
                }
            }
            return result;
        }

        /// <summary>Whether <paramref name="elf"/> requires <paramref name="version"/>, and whether weakly.</summary>
        public static (bool Required, bool Weak) NeededVersion(byte[] elf, string version)
        {
            var copy = (byte[])elf.Clone();
            var result = MarkNeededVersionWeak(copy, version);
            return (result != PatchResult.NotRequired, result == PatchResult.AlreadyWeak);
        }

        private struct Section
        {
            public uint Type;
            public long Offset;
            public uint Link;
        }

        private static Section[] Sections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException("Not an ELF file.");
            if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("Only 64-bit little-endian ELF files are supported.");
            var offset = (long)U64(elf, 0x28);      // e_shoff
            var size = U16(elf, 0x3A);              // e_shentsize
            var count = U16(elf, 0x3C);             // e_shnum
            if (size < 64 || offset + (long)size * count > elf.Length) throw new InvalidDataException("Truncated ELF section table.");
            var sections = new Section[count];
            for (var i = 0; i < count; i++)
            {
                var at = offset + (long)i * size;
                // Elf64_Shdr: name u32, type u32, flags u64, addr u64, offset u64, size u64, link u32, ...
                sections[i] = new Section { Type = U32(elf, at + 4), Offset = (long)U64(elf, at + 24), Link = U32(elf, at + 40) };
            }
            return sections;
        }

        private static long StringTable(byte[] elf, uint index)
        {
            var sections = Sections(elf);
            if (index >= sections.Length) throw new InvalidDataException("Bad string table index.");
            return sections[index].Offset;
        }

        private static string Name(byte[] elf, long table, uint offset)
        {
            var start = table + offset;
            var end = start;
            while (end < elf.Length && elf[end] != 0) end++;
            return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
        }

        private static ushort U16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);

        private static uint U32(byte[] b, long at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

        private static ulong U64(byte[] b, long at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;
    }
}
