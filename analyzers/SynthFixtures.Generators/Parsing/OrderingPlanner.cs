using System;
using System.Collections.Generic;
using System.Linq;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Makes GreaterThan/LessThan hold by construction: checks each target, orders properties so every target is drawn
/// before the properties that depend on it (declaration order otherwise), and narrows ranges so that whatever value a
/// target takes, its dependants still have room (for <c>B &gt; A</c>: A.max ≤ B.max − 1 and B.min ≥ A.min + 1).
/// </summary>
internal static class OrderingPlanner
{
    public static List<PropertyDraft>? Plan(string typeName, List<PropertyDraft> drafts, List<DiagnosticInfo> diagnostics)
    {
        var byName = drafts.ToDictionary(d => d.Name);
        var ok = true;
        foreach (var draft in drafts.Where(d => d.OrderingAttribute is not null))
        {
            var display = typeName + "." + draft.Name;
            string? problem = null;
            if (draft.OrderingTarget is null || !byName.TryGetValue(draft.OrderingTarget, out var target))
                problem = "is not a generated property of " + typeName + "; use nameof(...) of a property that is not [SynthIgnore]";
            else if (target == draft) problem = null;
            else if (target.TypeName != draft.TypeName) problem = $"has a different type ('{target.TypeName.Replace("global::", "")}'); compare properties of the same type";
            else if (target.Source != ValueSource.Default) problem = "gets its values from another attribute and cannot be ordered against";
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOrderingTarget, draft.OrderingLocation,
                    draft.OrderingAttribute!, display, draft.OrderingTarget ?? "", problem));
                ok = false;
                continue;
            }
            draft.Ordering = new OrderingSpec(draft.OrderingGreater, draft.OrderingTarget!, byName[draft.OrderingTarget!].IsNullable);
        }
        if (!ok) return null;

        var ordered = new List<PropertyDraft>();
        var state = new Dictionary<PropertyDraft, int>(); // 1 = visiting, 2 = done
        foreach (var draft in drafts)
            if (!Visit(draft, byName, state, ordered, new List<string>(), typeName, diagnostics)) return null;

        if (!Narrow(ordered, byName, typeName, diagnostics)) return null;
        return ordered;
    }

    private static bool Visit(PropertyDraft draft, Dictionary<string, PropertyDraft> byName, Dictionary<PropertyDraft, int> state,
        List<PropertyDraft> ordered, List<string> path, string typeName, List<DiagnosticInfo> diagnostics)
    {
        if (state.TryGetValue(draft, out var mark))
        {
            if (mark == 2) return true;
            var cycle = path.Skip(path.IndexOf(draft.Name)).Concat(new[] { draft.Name });
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OrderingCycle, draft.OrderingLocation ?? draft.Location, typeName, string.Join(" → ", cycle)));
            return false;
        }
        state[draft] = 1;
        path.Add(draft.Name);
        if (draft.Ordering is { } ordering && !Visit(byName[ordering.Other], byName, state, ordered, path, typeName, diagnostics)) return false;
        path.RemoveAt(path.Count - 1);
        state[draft] = 2;
        ordered.Add(draft);
        return true;
    }

    private static bool Narrow(List<PropertyDraft> ordered, Dictionary<string, PropertyDraft> byName, string typeName, List<DiagnosticInfo> diagnostics)
    {
        // Each pass can only shrink ranges; chains of n properties settle within n passes.
        for (var pass = 0; pass <= ordered.Count; pass++)
        {
            var changed = false;
            foreach (var draft in ordered.Where(d => d.Ordering is not null))
            {
                var other = byName[draft.Ordering!.Other];
                var (low, high) = draft.Ordering.Greater ? (other, draft) : (draft, other);
                changed |= Tighten(low, high);
            }
            if (!changed) break;
        }
        foreach (var draft in ordered)
        {
            var b = draft.Bounds;
            var empty = draft.Kind.IsFloating() ? b.DoubleMin > b.DoubleMax : b.LongMin > b.LongMax;
            if (!empty) continue;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsatisfiableOrdering, draft.OrderingLocation ?? draft.Location,
                typeName + "." + draft.Name, draft.Kind.IsFloating()
                    ? FormattableString.Invariant($"{b.DoubleMin:R} > {b.DoubleMax:R}")
                    : FormattableString.Invariant($"{b.LongMin} > {b.LongMax}")));
            return false;
        }
        return true;
    }

    /// <summary>Narrows so that low &lt; high is always possible; true when a bound moved.</summary>
    private static bool Tighten(PropertyDraft low, PropertyDraft high)
    {
        var a = low.Bounds;
        var b = high.Bounds;
        if (low.Kind.IsFloating())
        {
            var aMax = Math.Min(a.DoubleMax, Before(b.DoubleMax));
            var bMin = Math.Max(b.DoubleMin, After(a.DoubleMin));
            low.Bounds = a with { DoubleMax = aMax };
            high.Bounds = b with { DoubleMin = bMin };
            return aMax != a.DoubleMax || bMin != b.DoubleMin;
        }
        var lMax = b.LongMax == long.MinValue ? long.MinValue : Math.Min(a.LongMax, b.LongMax - 1);
        var hMin = a.LongMin == long.MaxValue ? long.MaxValue : Math.Max(b.LongMin, a.LongMin + 1);
        low.Bounds = a with { LongMax = lMax };
        high.Bounds = b with { LongMin = hMin };
        return lMax != a.LongMax || hMin != b.LongMin;
    }

    private static double Before(double value) => double.IsInfinity(value) || double.IsNaN(value) ? value : Step(value, -1);

    private static double After(double value) => double.IsInfinity(value) || double.IsNaN(value) ? value : Step(value, +1);

    /// <summary>The neighbouring double (netstandard2.0 lacks Math.BitIncrement).</summary>
    private static double Step(double value, int direction)
    {
        if (value == 0) return direction > 0 ? double.Epsilon : -double.Epsilon;
        var bits = BitConverter.DoubleToInt64Bits(value);
        bits += (value > 0) == (direction > 0) ? 1 : -1;
        return BitConverter.Int64BitsToDouble(bits);
    }
}
