using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Emitting;

/// <summary>
/// The parts of a generated stream that write <c>[Text(Prompt = …)]</c> properties. Such a stream makes objects in
/// batches: every other property of each object of the batch is drawn into a <c>Draft</c> (exactly as the stream
/// without prompts draws it), then each prompted property, in dependency order, renders its prompt from the drafts
/// and asks the graph's text writer for the batch's texts (<c>PromptedText</c>), and the objects are built. Row
/// numbers count objects in the stream, so batching never changes what an object is.
/// </summary>
internal static class PromptEmitter
{
    public const string Draft = "__Draft";
    private const string Text = "global::SynthFixtures.Sampling.Typed.PromptedText";

    /// <summary>Prompted properties in an order where each prompt's prompted references come first (declaration order otherwise).</summary>
    public static List<PropertySpec> WritingOrder(IEnumerable<PropertySpec> properties)
    {
        var prompted = properties.Where(p => p.Prompt is not null).ToList();
        var done = new HashSet<string>();
        var order = new List<PropertySpec>();
        void Visit(PropertySpec p)
        {
            if (!done.Add(p.Name)) return;
            foreach (var reference in p.Prompt!.References)
                if (prompted.FirstOrDefault(q => q.Name == reference) is { } q) Visit(q);
            order.Add(p);
        }
        foreach (var p in prompted) Visit(p);
        return order;
    }

    /// <summary>The settings literal handed to the writer.</summary>
    public static string Settings(PromptSpec prompt) =>
        $"new({(prompt.Temperature is { } t ? Literals.Double(t) : "null")}, {(prompt.MaxTokens is { } m ? m.ToString(CultureInfo.InvariantCulture) : "null")}, {prompt.Candidates.ToString(CultureInfo.InvariantCulture)})";

    public static string NullField(PropertySpec p) => "__" + p.Name + "IsNull";

    public static string NullLocal(PropertySpec p) => "__" + Literals.Stem(p.Name) + "IsNull";

    public static void EmitFields(CodeWriter w, string self)
    {
        w.Line($"private readonly {Text} _text;");
        w.Line($"private readonly global::System.Collections.Generic.Queue<{self}> _ready = new();");
    }

    public static void EmitConstruction(CodeWriter w, string purpose, IReadOnlyList<PropertySpec> prompted) =>
        w.Line($"_text = new {Text}(graph, {Literals.String(purpose)}, new[] {{ {string.Join(", ", prompted.Select(p => Literals.String(p.Name)))} }});");

    /// <summary>Next (from the ready queue) and Fill (one batch).</summary>
    public static void EmitBatching(CodeWriter w, TypeSpec type, IReadOnlyList<PropertySpec> prompted)
    {
        var self = type.FullyQualifiedName;
        w.Line("/// <inheritdoc />");
        w.Open($"public {self} Next()");
        w.Line("if (_ready.Count == 0) Fill();");
        w.Line("return _ready.Dequeue();");
        w.Close().Line();
        w.Open("private void Fill()");
        w.Line("var (__count, __firstRow) = _text.StartBatch();");
        w.Line($"var __drafts = new {Draft}[__count];");
        w.Line("for (var __i = 0; __i < __count; __i++) __drafts[__i] = NextDraft();");
        foreach (var p in prompted)
        {
            var texts = "__" + Literals.Stem(p.Name) + "Texts";
            w.Line($"var {texts} = _text.Write({Literals.String(p.Name)}, s_{Literals.Stem(p.Name)}Text, __drafts, __firstRow, Prompt{p.Name});");
            w.Line($"for (var __i = 0; __i < __count; __i++) __drafts[__i].{p.Name} = {texts}[__i]{(p.IsNullable ? "" : "!")};");
        }
        w.Open("foreach (var __draft in __drafts)");
        w.Open($"_ready.Enqueue(new {self}");
        foreach (var p in type.Properties) w.Line($"{p.Name} = __draft.{p.Name},");
        w.Close(");");
        w.Close();
        w.Close().Line();
    }

    /// <summary>The draft class (one field per property) and each prompt's renderer.</summary>
    public static void EmitDraftAndPrompts(CodeWriter w, TypeSpec type, IReadOnlyList<PropertySpec> prompted)
    {
        w.Line();
        w.Line("/// <summary>An object's values before its texts are written.</summary>");
        w.Open($"private sealed class {Draft}");
        foreach (var p in type.Properties)
        {
            w.Line($"public {SynthesizerEmitter.Nullable(p)} {p.Name} = default!;");
            if (p.Source == ValueSource.Prompt && p.IsNullable && p.NullRate > 0) w.Line($"public bool {NullField(p)};");
        }
        w.Close();
        foreach (var p in prompted)
        {
            w.Line();
            var parts = p.Prompt!.Parts.Select(part => part.Literal is { } literal
                ? Literals.String(literal)
                : $"{Text}.Format(d.{part.Property}, {(part.Format is { } f ? Literals.String(f) : "null")})").ToList();
            var body = string.Join(" + ", parts);
            w.Line(p.IsNullable && p.NullRate > 0
                ? $"private static string? Prompt{p.Name}({Draft} d) => d.{NullField(p)} ? null : {body};"
                : $"private static string? Prompt{p.Name}({Draft} d) => {body};");
        }
    }
}
