// Shared with the source generator (linked into analyzers/SynthFixtures.Generators), so the compile-time check that
// every label of a column maps to an enum member and the runtime mapping agree. Keep it netstandard2.0-compatible.
using System;
using System.Collections.Generic;
using System.Text;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// How CSV names meet C# names: column names bind to properties and labels to enum members when they are equal
/// ignoring case and every character that is not a letter or digit ("hours-per-week" ↔ HoursPerWeek,
/// " Married-civ-spouse" ↔ MarriedCivSpouse); a label may also stand for the one member it is a prefix of ("F" ↔ Female).
/// </summary>
public static class LabelMatching
{
    /// <summary>Letters and digits only, lower-cased (invariant).</summary>
    public static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var ch in name)
            if (char.IsLetterOrDigit(ch)) text.Append(char.ToLowerInvariant(ch));
        return text.ToString();
    }

    /// <summary>Whether a column name and a property name denote the same thing.</summary>
    public static bool SameName(string a, string b) => Normalize(a) == Normalize(b) && Normalize(a).Length > 0;

    /// <summary>The member a label stands for: an exact (normalized) match, else the only member it is a prefix of; <c>null</c> if none or ambiguous.</summary>
    public static string? MemberFor(string label, IReadOnlyList<string> members)
    {
        var wanted = Normalize(label);
        if (wanted.Length == 0) return null;
        foreach (var member in members)
            if (Normalize(member) == wanted) return member;
        string? only = null;
        foreach (var member in members)
        {
            if (!Normalize(member).StartsWith(wanted, StringComparison.Ordinal)) continue;
            if (only is not null) return null;
            only = member;
        }
        return only;
    }
}
