using System.Runtime.InteropServices;

namespace SynthFixtures.Data.Files;

/// <summary>
/// Which file a path names, so that every spelling of one file compares equal: <c>x.csv</c>, <c>./x.csv</c>, an
/// absolute path, a symbolic link to it (followed to its final target) and a hard link to it. An existing file is
/// known by its device and inode; a file still to be written by its folder's device and inode plus its name.
/// </summary>
/// <remarks>
/// .NET has no API for a file's inode, so on 64-bit Linux this calls libc's <c>stat</c> (whose first two fields,
/// <c>st_dev</c> and <c>st_ino</c>, are 8 bytes each on every 64-bit Linux ABI). Elsewhere, or where <c>stat</c> is not
/// exported (glibc before 2.33), it falls back to the full path with symbolic links resolved, which catches everything
/// but hard links.
/// </remarks>
internal readonly record struct FileIdentity(string Key)
{
    // Larger than struct stat on every 64-bit Linux ABI (144 bytes on x86-64, 128 on arm64).
    private const int StatBufferBytes = 256;

    private static readonly bool CanStat = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>The identity of the file <paramref name="path"/> names (which need not exist yet).</summary>
    public static FileIdentity Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (Stat(full) is { } file) return new FileIdentity(file);
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && Stat(folder) is { } parent) return new FileIdentity($"{parent}/{Path.GetFileName(full)}");
        return new FileIdentity(Resolved(full));
    }

    /// <summary>
    /// Whether <paramref name="path"/> is written in place rather than through a temporary file and a rename: anything
    /// under <c>/dev/</c> or <c>/proc/</c> or a link into them (<c>/dev/stdout</c>, <c>/dev/fd/3</c>, <c>/dev/null</c>, even
    /// when standard output is a regular file), and any existing file that is neither a regular file nor a folder (a
    /// FIFO, a socket, a device). Renaming a file over one of these would replace it instead of writing to it.
    /// </summary>
    public static bool IsSpecial(string path)
    {
        var full = Path.GetFullPath(path);
        if (IsSystemPath(full)) return true;
        try
        {
            if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target && IsSystemPath(target.FullName)) return true;
        }
        catch (IOException)
        {
            // A link loop: not a device; the write will report it.
        }
        if (StatBuffer(full) is not { } buffer) return false;
        // st_mode follows st_nlink (8 bytes) on x86-64; elsewhere the generic layout puts it right after st_ino.
        var mode = BitConverter.ToUInt32(buffer, RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16);
        return (mode & FileTypeMask) is not (RegularFile or Folder);
    }

    private static bool IsSystemPath(string full) =>
        !OperatingSystem.IsWindows() && (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));

    private const uint FileTypeMask = 0xF000;
    private const uint RegularFile = 0x8000;
    private const uint Folder = 0x4000;

    private static string? Stat(string path) =>
        StatBuffer(path) is { } buffer ? $"{BitConverter.ToUInt64(buffer, 0)}:{BitConverter.ToUInt64(buffer, 8)}" : null;

    private static byte[]? StatBuffer(string path)
    {
        if (!CanStat) return null;
        var buffer = new byte[StatBufferBytes];
        try
        {
            return NativeStat(path, buffer) == 0 ? buffer : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    // The fallback: the path with symbolic links of the file itself resolved; case-insensitive where file names are.
    private static string Resolved(string full)
    {
        try
        {
            if (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target) full = target.FullName;
        }
        catch (IOException)
        {
            // A link loop: compare by the path as written.
        }
        return OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? full.ToUpperInvariant() : full;
    }

    // DllImport rather than LibraryImport: no source generator and no unsafe code needed for a byte buffer.
    [DllImport("libc", EntryPoint = "stat", SetLastError = false)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
}
