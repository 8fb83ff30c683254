using System.Collections.Generic;
using System.Linq;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// The type-level checks of <c>[Text(Prompt = …)]</c> properties: every name a prompt uses is a generated property of
/// the type, and no text depends on itself, directly or through other prompted properties (those are written in
/// dependency order, so one prompt may use another's text).
/// </summary>
internal static class PromptChecker
{
    /// <summary>Adds a diagnostic for each problem; true when there are none.</summary>
    public static bool Check(string typeName, IReadOnlyList<PropertyDraft> drafts, List<DiagnosticInfo> diagnostics)
    {
        var names = new HashSet<string>(drafts.Select(d => d.Name));
        var before = diagnostics.Count;
        foreach (var draft in drafts.Where(d => d.Source == ValueSource.Prompt))
        {
            var display = typeName + "." + draft.Name;
            foreach (var part in draft.PromptParts.Where(p => p.Property is not null))
            {
                if (part.Property == draft.Name)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PromptDependsOnItself, part.Location ?? draft.TextLocation, display,
                        "it names '" + draft.Name + "' itself"));
                else if (!names.Contains(part.Property!))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PromptNamesUnknownProperty, part.Location ?? draft.TextLocation, display,
                        part.Property!, typeName, string.Join(", ", drafts.Where(d => d.Name != draft.Name).Select(d => d.Name).DefaultIfEmpty("(none)"))));
            }
        }
        if (diagnostics.Count > before) return false;

        var prompted = drafts.Where(d => d.Source == ValueSource.Prompt).ToDictionary(d => d.Name);
        foreach (var start in prompted.Values)
        {
            var cycle = Cycle(start.Name, prompted, new List<string>());
            if (cycle is null) continue;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PromptDependsOnItself, start.TextLocation, typeName + "." + start.Name,
                string.Join(" → ", cycle)));
            return false;
        }
        return true;
    }

    /// <summary>A path of prompted properties from <paramref name="name"/> back to the first one on <paramref name="path"/>, or null.</summary>
    private static List<string>? Cycle(string name, Dictionary<string, PropertyDraft> prompted, List<string> path)
    {
        if (path.Count > 0 && path[0] == name) return new List<string>(path) { name };
        if (path.Contains(name) || !prompted.TryGetValue(name, out var draft)) return null;
        path.Add(name);
        foreach (var next in draft.PromptParts.Where(p => p.Property is not null).Select(p => p.Property!).Distinct())
            if (Cycle(next, prompted, path) is { } found) return found;
        path.RemoveAt(path.Count - 1);
        return null;
    }
}
