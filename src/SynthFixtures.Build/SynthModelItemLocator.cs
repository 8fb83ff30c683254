using System.Xml;
using System.Xml.Linq;

namespace SynthFixtures.Build;

/// <summary>
/// Finds the line and column of a <c>&lt;SynthModel&gt;</c> item in the project file that declares it, so an error about
/// the item is reported where the user wrote it. MSBuild gives a task the declaring file (the item's
/// <c>DefiningProjectFullPath</c>) but not the line, so the file is read again: the element whose <c>Include</c> lists
/// the item's path (as written, '/' or '\' alike), else the only <c>SynthModel</c> element the file has. An item made by
/// a wildcard or a property among several elements has no line (0), and the error names the file alone.
/// </summary>
internal static class SynthModelItemLocator
{
    /// <summary>(line, column of its '&lt;'), 1-based, or (0, 0) when the element cannot be told apart.</summary>
    public static (int Line, int Column) Find(string projectFile, string itemSpec)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectFile, LoadOptions.SetLineInfo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            return (0, 0);
        }
        var elements = document.Descendants().Where(e => e.Name.LocalName == "SynthModel" && e.Attribute("Include") is not null).ToList();
        var wanted = Normalise(itemSpec);
        var match = elements.FirstOrDefault(e => e.Attribute("Include")!.Value.Split(';').Any(part => Normalise(part) == wanted))
            ?? (elements.Count == 1 ? elements[0] : null);
        // The reader places an element at its name; MSBuild's own errors point at its '<'.
        return match is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, Math.Max(1, info.LinePosition - 1)) : (0, 0);
    }

    private static string Normalise(string path) => path.Trim().Replace('\\', '/');
}
