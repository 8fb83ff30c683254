using System.Globalization;
using System.Linq;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Emitting;

/// <summary>
/// The pure emit step: a <see cref="TypeSpec"/> (and, for a type bound to a learned model, its <see cref="BindingPlan"/>)
/// in, C# text out. The generated synthesizer draws each property from its own random stream (derived from the one
/// seed by the property's full name), in an order where every GreaterThan/LessThan target comes first, so constraints
/// hold by construction. Bound properties instead read a row sampled from the embedded model; rows that break a
/// constraint between bound properties are skipped, and the query's simple Where comparisons become model conditions.
/// </summary>
internal static class SynthesizerEmitter
{
    private const string Draw = "global::SynthFixtures.Sampling.Typed.SynthDraw";
    private const string Random = "global::SynthFixtures.Randomness.SynthRandom";
    private const string Condition = "global::SynthFixtures.Sampling.Condition";
    private const string Rows = "global::SynthFixtures.Sampling.Typed.LearnedRows";

    /// <summary>Bound properties' columns (for conditions) and each bound enum's label map.</summary>
    private static void EmitLearnedStatics(CodeWriter w, TypeSpec type, BindingPlan plan)
    {
        EmitColumnsAndLabels(w, type, plan, "s_columns");
        w.Line();
    }

    /// <summary>
    /// The map <paramref name="field"/> from bound properties to their columns (what a query's Where may condition on),
    /// then each bound enum's label map.
    /// </summary>
    internal static void EmitColumnsAndLabels(CodeWriter w, TypeSpec type, BindingPlan plan, string field)
    {
        w.Line($"private static readonly global::System.Collections.Generic.Dictionary<string, string> {field} = new()");
        w.Line("{");
        foreach (var b in plan.Bindings) w.Line($"    [{Literals.String(b.Property)}] = {Literals.String(b.Column)},");
        w.Line("};");
        foreach (var b in plan.Bindings.Where(b => b.Read == ColumnRead.Enum)) EmitLabels(w, type, b);
    }

    /// <summary>The map from a bound enum property's column labels to its members (the caller spaces it).</summary>
    internal static void EmitLabels(CodeWriter w, TypeSpec type, PropertyBinding b)
    {
        var p = type.Properties.First(q => q.Name == b.Property);
        EmitLabelMap(w, $"s_{Literals.Stem(p.Name)}Labels", p.TypeName, b);
    }

    /// <summary>The map <paramref name="field"/> from the column labels of binding <paramref name="b"/> to members of enum <paramref name="enumType"/>.</summary>
    internal static void EmitLabelMap(CodeWriter w, string field, string enumType, PropertyBinding b)
    {
        w.Line($"private static readonly global::System.Collections.Generic.Dictionary<string, {enumType}> {field} = new(global::System.StringComparer.Ordinal)");
        w.Line("{");
        foreach (var label in b.Labels) w.Line($"    [{Literals.String(label.Label)}] = {enumType}.{label.Member},");
        w.Line("};");
    }

    /// <summary>The expression reading a bound property from the current row.</summary>
    private static string ReadExpression(PropertySpec p, PropertyBinding b) =>
        CellReads.Read(p, b, "_rows", $"_{Literals.Stem(p.Name)}Column", $"s_{Literals.Stem(p.Name)}Labels", readsDecimal: false, readsGuid: false);

    public static string Emit(TypeSpec type, BindingPlan? plan = null)
    {
        var learned = plan is not null;
        var w = new CodeWriter();
        var self = type.FullyQualifiedName;
        var synthesizer = type.Name + "Synthesizer";
        EmitFileStart(w, type, $"Seeded synthetic <see cref=\"{type.Name}\"/> objects that satisfy every declared constraint, e.g. <c>{type.Name}.Synth.WithSeed(42).Take(10)</c>.");
        var from = type.From is null ? "" : type.From.Replace("&", "&amp;").Replace("<", "&lt;");
        w.Line(learned
            ? $"/// <summary>Makes <see cref=\"{type.Name}\"/> objects from rows of the model learned from {from}; unbound properties from their attributes.</summary>"
            : $"/// <summary>Makes <see cref=\"{type.Name}\"/> objects from the attributes on its properties{(type.From is null ? "" : " (no model learned from " + from + " is declared)")}.</summary>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"SynthFixtures.Generators\", \"{GeneratorVersion.Value}\")]");
        w.Open($"public sealed class {synthesizer} : global::SynthFixtures.{(learned ? "IConditionalSynthesizer" : "ISynthesizer")}<{self}>");
        if (learned)
        {
            w.Line("/// <summary>The unconditioned instance; <see cref=\"Restrict\"/> makes conditioned ones.</summary>");
            w.Line($"public static {synthesizer} Instance {{ get; }} = new(global::System.Array.Empty<{Condition}>());").Line();
            EmitStatics(w, type, plan);
            EmitLearnedStatics(w, type, plan!);
            w.Line($"private readonly global::System.Collections.Generic.IReadOnlyList<{Condition}> _conditions;").Line();
            w.Line($"private {synthesizer}(global::System.Collections.Generic.IReadOnlyList<{Condition}> conditions) => _conditions = conditions;").Line();
            w.Line($"/// <summary>The model trained from {from}, embedded in this assembly at build time.</summary>");
            w.Line($"public static global::SynthFixtures.Models.SynthModel Model => global::SynthFixtures.Models.Artifacts.EmbeddedModels.Load(typeof({self}).Assembly, {Literals.String(plan!.ModelName)});").Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public global::SynthFixtures.ISynthStream<{self}> Open(global::SynthFixtures.SynthGraph graph) => new Stream(graph, _conditions);").Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public global::SynthFixtures.ISynthesizer<{self}> Restrict(global::System.Linq.Expressions.Expression<global::System.Func<{self}, bool>> predicate) =>");
            w.Line($"    new {synthesizer}([.. _conditions, .. global::SynthFixtures.Sampling.Typed.PredicateConditions.Translate(predicate, s_columns, Model)]);").Line();
            EmitPrivacy(w, type, plan);
        }
        else
        {
            w.Line("/// <summary>The one instance: it holds no state (streams do).</summary>");
            w.Line($"public static {synthesizer} Instance {{ get; }} = new();").Line();
            EmitStatics(w, type);
            w.Line($"private {synthesizer}() {{ }}").Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public global::SynthFixtures.ISynthStream<{self}> Open(global::SynthFixtures.SynthGraph graph) => new Stream(graph);").Line();
            EmitPrivacy(w, type, null);
        }
        EmitStream(w, type, plan);
        w.Close();
        EmitFileEnd(w, type);
        return w.ToString();
    }

    /// <summary>
    /// A generated file up to the synthesizer class, for both emitters: header, namespace, containing types, the
    /// partial type and its <c>Synth</c> property, documented by <paramref name="synthSummary"/>. <see cref="EmitFileEnd"/>
    /// closes what this opens.
    /// </summary>
    internal static void EmitFileStart(CodeWriter w, TypeSpec type, string synthSummary)
    {
        var self = type.FullyQualifiedName;
        w.Line("// <auto-generated/>").Line("#nullable enable");
        // Members the user marked [Obsolete] are still read and set here; consumers building with warnings as errors
        // must not fail on code they did not write.
        w.Line("#pragma warning disable CS0612, CS0618").Line();
        if (type.Namespace is not null) w.Line($"namespace {type.Namespace};").Line();
        foreach (var container in type.Containers) w.Open($"partial {container.Keyword} {container.Name}");

        w.Open($"partial {type.Keyword} {type.Name} : global::SynthFixtures.ISynthesizable<{self}>");
        w.Line($"/// <summary>{synthSummary}</summary>");
        w.Line($"public static global::SynthFixtures.Synth<{self}> Synth {{ get; }} = new({type.Name}Synthesizer.Instance);").Line();
    }

    /// <summary>Closes the partial type and its containing types that <see cref="EmitFileStart"/> opened.</summary>
    internal static void EmitFileEnd(CodeWriter w, TypeSpec type)
    {
        w.Close();
        foreach (var _ in type.Containers) w.Close();
    }

    /// <summary>
    /// The synthesizer's privacy guarantee, from the model's schema: a bound type states its model's kind and (ε, δ),
    /// a type made from attributes alone reads no rows. A type with nested synthesized properties states nothing
    /// (the interface's default, Unknown): its objects carry the nested types' output, whose guarantees are theirs.
    /// </summary>
    internal static void EmitPrivacy(CodeWriter w, TypeSpec type, BindingPlan? plan)
    {
        if (type.Properties.Any(p => p.Source == ValueSource.Nested)) return;
        const string guarantee = "global::SynthFixtures.Privacy.PrivacyGuarantee";
        string value;
        if (plan is null) value = $"{guarantee}.NoData";
        else if (plan.ModelKind is null) return;
        else if (plan.Privacy is { Epsilon: { } epsilon, Delta: { } delta })
            value = $"{guarantee}.DifferentiallyPrivate({Literals.String(plan.ModelKind)}, {Literals.Double(epsilon)}, {Literals.Double(delta)})";
        else value = $"{guarantee}.NotPrivate({Literals.String(plan.ModelKind)})";
        w.Line(plan is null
            ? "/// <summary>Objects made from attributes alone read no real rows: (0, 0)-differentially private.</summary>"
            : "/// <summary>The model's kind and the (ε, δ) of its differential-privacy guarantee (none for a model without one), as its schema states them.</summary>");
        w.Line($"public {guarantee} Privacy {{ get; }} = {value};").Line();
    }

    internal static void EmitStatics(CodeWriter w, TypeSpec type, BindingPlan? plan = null)
    {
        var any = false;
        foreach (var p in type.Properties)
        {
            // A bound property reads its column: its value lists and patterns would be dead code.
            if (plan is not null && plan.Bindings.Any(b => b.Property == p.Name)) continue;
            var stem = Literals.Stem(p.Name);
            if (p.Values.Count > 0 && p.Source is ValueSource.OneOf or ValueSource.Default)
            {
                w.Line($"private static readonly {p.TypeName}[] s_{stem}Values = {{ {string.Join(", ", p.Values)} }};");
                any = true;
            }
            if (p.CumulativeWeights.Count > 0)
            {
                w.Line($"private static readonly double[] s_{stem}Weights = {{ {string.Join(", ", p.CumulativeWeights.Select(Literals.Double))} }};");
                any = true;
            }
            if (p.Prompt is { } prompt)
            {
                w.Line($"private static readonly global::SynthFixtures.TypedTextSettings s_{stem}Text = {PromptEmitter.Settings(prompt)};");
                any = true;
            }
            if (p.Pattern is not null)
            {
                w.Line($"private static readonly global::SynthFixtures.Sampling.Typed.RegexStringGenerator s_{stem}Pattern = global::SynthFixtures.Sampling.Typed.RegexStringGenerator.Create({Literals.String(p.Pattern)});");
                any = true;
            }
        }
        if (any) w.Line();
    }

    private static void EmitStream(CodeWriter w, TypeSpec type, BindingPlan? plan)
    {
        var self = type.FullyQualifiedName;
        var purpose = self.Replace("global::", "");
        var bound = plan?.Bindings.ToDictionary(b => b.Property) ?? new System.Collections.Generic.Dictionary<string, PropertyBinding>();
        var prompted = PromptEmitter.WritingOrder(type.Properties);
        // A stream that batches costly work (model rows, written texts) is told how many objects are still wanted.
        var lookahead = prompted.Count > 0 || plan is not null;
        w.Open($"private sealed class Stream : global::SynthFixtures.ISynthStream<{self}>{(lookahead ? ", global::SynthFixtures.ISynthStreamLookahead" : "")}");
        w.Line("private readonly global::SynthFixtures.SynthGraph _graph;");
        if (plan is not null) w.Line($"private readonly {Rows} _rows;");
        if (prompted.Count > 0) PromptEmitter.EmitFields(w, self);
        foreach (var p in type.Properties)
        {
            var stem = Literals.Stem(p.Name);
            if (bound.ContainsKey(p.Name))
            {
                w.Line($"private readonly int _{stem}Column;");
                if (p.Unique) w.Line($"private readonly global::SynthFixtures.Sampling.Typed.UniqueValues<{Nullable(p)}> _{stem}Seen = new({Literals.String(p.Name)});");
                continue;
            }
            EmitDrawnFields(w, p);
        }
        w.Line();
        w.Open(plan is null ? "public Stream(global::SynthFixtures.SynthGraph graph)"
            : $"public Stream(global::SynthFixtures.SynthGraph graph, global::System.Collections.Generic.IReadOnlyList<{Condition}> conditions)");
        w.Line("_graph = graph;");
        if (plan is not null)
        {
            w.Line($"_rows = new {Rows}(Model, graph.Random({Literals.String(purpose + "#model")}), conditions);");
            foreach (var b in plan.Bindings) w.Line($"_{Literals.Stem(b.Property)}Column = _rows.Column({Literals.String(b.Column)});");
        }
        if (prompted.Count > 0) PromptEmitter.EmitConstruction(w, purpose, prompted);
        foreach (var p in type.Properties.Where(p => !bound.ContainsKey(p.Name))) EmitDrawnConstruction(w, p, purpose);
        w.Close().Line();

        if (lookahead)
        {
            w.Line("/// <inheritdoc />");
            w.Open("public void Expect(int count)");
            if (plan is not null) w.Line("_rows.Expect(count);");
            if (prompted.Count > 0) w.Line("_text.Expect(count);");
            w.Close().Line();
        }
        if (prompted.Count > 0)
        {
            // Texts are written in batches: the other properties of a batch of objects first, then each prompt.
            PromptEmitter.EmitBatching(w, type, prompted);
            w.Open($"private {PromptEmitter.Draft} NextDraft()");
        }
        else
        {
            w.Line("/// <inheritdoc />");
            w.Open($"public {self} Next()");
        }
        if (plan is not null) EmitRowLoop(w, type, plan);
        foreach (var p in type.Properties)
        {
            if (bound.ContainsKey(p.Name)) continue;
            if (p.Source == ValueSource.Prompt)
            {
                // Only the null coin is drawn here; the text is written with the batch.
                if (p.IsNullable && p.NullRate > 0) w.Line($"var {PromptEmitter.NullLocal(p)} = {Draw}.IsNull(_{Literals.Stem(p.Name)}Random, {Literals.Double(p.NullRate)});");
                continue;
            }
            EmitDrawnLocal(w, p);
        }
        w.Open($"return new {(prompted.Count > 0 ? PromptEmitter.Draft : self)}");
        foreach (var p in type.Properties)
        {
            if (p.Source != ValueSource.Prompt) w.Line($"{p.Name} = {Literals.Local(p.Name)},");
            else if (p.IsNullable && p.NullRate > 0) w.Line($"{PromptEmitter.NullField(p)} = {PromptEmitter.NullLocal(p)},");
        }
        w.Close(";");
        w.Close();
        if (prompted.Count > 0) PromptEmitter.EmitDraftAndPrompts(w, type, prompted);
        foreach (var p in type.Properties)
        {
            if (bound.ContainsKey(p.Name) || p.Source == ValueSource.Prompt) continue;
            w.Line();
            EmitDraw(w, type, p);
        }
        w.Close();
    }

    // The three parts of a stream for a property drawn from its attributes rather than read from a row, for both
    // emitters. A type bound to a table of a database has no drawn keys (its binder requires its key and foreign keys
    // to be bound), so the key branches below write nothing for it.

    /// <summary>
    /// The stream's fields for every property of a type bound to a database table or a sequence model: a bound
    /// property's column index, a drawn one's own fields.
    /// </summary>
    internal static void EmitColumnOrDrawnFields(CodeWriter w, TypeSpec type, System.Collections.Generic.Dictionary<string, PropertyBinding> bound)
    {
        foreach (var p in type.Properties)
        {
            if (bound.ContainsKey(p.Name)) w.Line($"private readonly int _{Literals.Stem(p.Name)}Column;");
            else EmitDrawnFields(w, p);
        }
    }

    /// <summary>The Draw method of every property not bound to a column, each after a blank line.</summary>
    internal static void EmitDrawMethods(CodeWriter w, TypeSpec type, System.Collections.Generic.Dictionary<string, PropertyBinding> bound)
    {
        foreach (var p in type.Properties)
        {
            if (bound.ContainsKey(p.Name)) continue;
            w.Line();
            EmitDraw(w, type, p);
        }
    }

    /// <summary>The stream's fields for a property drawn from its attributes.</summary>
    internal static void EmitDrawnFields(CodeWriter w, PropertySpec p)
    {
        var stem = Literals.Stem(p.Name);
        if (UsesRandom(p)) w.Line($"private readonly {Random} _{stem}Random;");
        if (p.Source == ValueSource.Fake) w.Line($"private readonly global::Bogus.Faker _{stem}Faker;");
        if (p.Key is { Guid: false } key) w.Line($"private long _next{p.Name} = {Literals.Long(key.Start)};");
        // A key never repeats (it counts up, or is a fresh GUID), so it keeps no set of the values seen.
        if (p.Unique && p.Source != ValueSource.Key) w.Line($"private readonly global::SynthFixtures.Sampling.Typed.UniqueValues<{Nullable(p)}> _{stem}Seen = new({Literals.String(p.Name)});");
        if (p.Source == ValueSource.Nested) w.Line($"private global::SynthFixtures.ISynthStream<{p.TypeName}>? _{stem}Stream;");
    }

    /// <summary>The stream constructor's lines for a property drawn from its attributes: its own random stream (or faker).</summary>
    internal static void EmitDrawnConstruction(CodeWriter w, PropertySpec p, string purpose)
    {
        var stem = Literals.Stem(p.Name);
        var stream = $"graph.Random({Literals.String(purpose + "." + p.Name)})";
        if (p.Source == ValueSource.Fake)
        {
            w.Line($"_{stem}Faker = {Draw}.Faker({stream}, graph.ReferenceDate);");
            // A nullable fake still needs a coin for its nulls, from a stream of its own.
            if (UsesRandom(p)) w.Line($"_{stem}Random = graph.Random({Literals.String(purpose + "." + p.Name + "#nulls")});");
        }
        else if (UsesRandom(p)) w.Line($"_{stem}Random = {stream};");
    }

    /// <summary>Draws a property into its local, drawing again while a [Unique] one repeats a value.</summary>
    internal static void EmitDrawnLocal(CodeWriter w, PropertySpec p)
    {
        var local = Literals.Local(p.Name);
        var call = $"Draw{p.Name}({(p.Ordering is { } o ? Literals.Local(o.Other) : "")})";
        w.Line($"var {local} = {call};");
        if (!p.Unique || p.Source == ValueSource.Key) return;
        var stem = Literals.Stem(p.Name);
        w.Open($"for (var __attempt = 1; {(p.IsNullable ? local + " is not null && " : "")}!_{stem}Seen.Add({local}); __attempt++)");
        w.Line($"_{stem}Seen.ThrowIfExhausted(__attempt);");
        w.Line($"{local} = {call};");
        w.Close();
    }

    /// <summary>
    /// Reads the bound properties from model rows, skipping rows that break a constraint among them; with nothing to
    /// check (every GreaterThan/LessThan kept by the model, no [Unique]) from the next row as it is.
    /// </summary>
    private static void EmitRowLoop(CodeWriter w, TypeSpec type, BindingPlan plan)
    {
        var bound = plan.Bindings.ToDictionary(b => b.Property);
        var properties = type.Properties.Where(p => bound.ContainsKey(p.Name)).ToList();
        var checks = new System.Collections.Generic.List<string>();
        foreach (var p in properties)
        {
            // An ordering the model keeps by construction holds on every row: nothing to check.
            if (p.Ordering is not { } o || plan.KeptOrderings.Contains(p.Name)) continue;
            var (a, b) = (Literals.Local(p.Name), Literals.Local(o.Other));
            var op = o.Greater ? ">" : "<";
            checks.Add(p.IsNullable || o.OtherIsNullable
                ? $"if ({a} is {{ }} __a{p.Name} && {b} is {{ }} __b{p.Name} && !(__a{p.Name} {op} __b{p.Name})) continue;"
                : $"if (!({a} {op} {b})) continue;");
        }
        foreach (var p in properties.Where(p => p.Unique))
            checks.Add($"if ({(p.IsNullable ? Literals.Local(p.Name) + " is not null && " : "")}!_{Literals.Stem(p.Name)}Seen.Add({Literals.Local(p.Name)})) continue;");
        if (checks.Count == 0)
        {
            w.Line("_rows.MoveNext();");
            foreach (var p in properties) w.Line($"{Nullable(p)} {Literals.Local(p.Name)} = {ReadExpression(p, bound[p.Name])};");
            return;
        }
        foreach (var p in properties) w.Line($"{Nullable(p)} {Literals.Local(p.Name)} = default!;");
        w.Line("var __row = 0;");
        w.Open("while (true)");
        w.Line($"if (++__row > {Rows}.MaxRejectedRows) throw {Rows}.TooManyRejected({Literals.String(type.Name)});");
        w.Line("_rows.MoveNext();");
        foreach (var p in properties) w.Line($"{Literals.Local(p.Name)} = {ReadExpression(p, bound[p.Name])};");
        foreach (var check in checks) w.Line(check);
        w.Line("break;");
        w.Close();
    }

    internal static bool UsesRandom(PropertySpec p) =>
        p.Source is not (ValueSource.Nested or ValueSource.Fake or ValueSource.Prompt) && !(p.Key is { Guid: false }) || (p.IsNullable && p.NullRate > 0);

    internal static string Nullable(PropertySpec p) => p.IsNullable ? p.TypeName + "?" : p.TypeName;

    internal static void EmitDraw(CodeWriter w, TypeSpec type, PropertySpec p)
    {
        var stem = Literals.Stem(p.Name);
        var r = $"_{stem}Random";
        var other = p.Ordering is { } o ? type.Properties.First(q => q.Name == o.Other) : null;
        var parameter = other is null ? "" : $"{Nullable(other)} other";
        var body = ValueExpression(p, r, stem, out var setup);
        var needsNull = p.IsNullable && p.NullRate > 0;
        if (!needsNull && setup.Length == 0)
        {
            w.Line($"private {Nullable(p)} Draw{p.Name}({parameter}) => {body};");
            return;
        }
        w.Open($"private {Nullable(p)} Draw{p.Name}({parameter})");
        if (needsNull) w.Line($"if ({Draw}.IsNull({r}, {Literals.Double(p.NullRate)})) return null;");
        foreach (var line in setup) w.Line(line);
        w.Line($"return {body};");
        w.Close();
    }

    /// <summary>The expression producing one value, plus statements that must run before it.</summary>
    private static string ValueExpression(PropertySpec p, string r, string stem, out string[] setup)
    {
        setup = System.Array.Empty<string>();
        switch (p.Source)
        {
            case ValueSource.Key:
                if (p.Key!.Guid) return p.Kind == ValueKind.String ? $"{Draw}.Guid({r}).ToString()" : $"{Draw}.Guid({r})";
                return p.Kind == ValueKind.String
                    ? $"(_next{p.Name}++).ToString(global::System.Globalization.CultureInfo.InvariantCulture)"
                    : $"checked(({p.TypeName})_next{p.Name}++)";
            case ValueSource.OneOf:
                return Pick(p, r, stem);
            case ValueSource.Fake:
                return $"_{stem}Faker.{p.FakeCall}";
            case ValueSource.Pattern:
                return p.MaxLength > 0
                    ? $"s_{stem}Pattern.Generate({r}, {p.MinLength}, {p.MaxLength})"
                    : $"s_{stem}Pattern.Generate({r})";
            case ValueSource.ForeignKey:
                var principal = p.PrincipalType!;
                var shortName = principal.Substring(principal.LastIndexOf('.') + 1).Replace("global::", "");
                return $"_graph.Reference({principal}.{shortName}Synthesizer.Instance, static principal => principal.{p.PrincipalKey}, {r})";
            case ValueSource.Nested:
                var nestedName = p.TypeName.Substring(p.TypeName.LastIndexOf('.') + 1).Replace("global::", "");
                return $"(_{stem}Stream ??= _graph.StreamOf({p.TypeName}.{nestedName}Synthesizer.Instance)).Next()";
        }
        switch (p.Kind)
        {
            case ValueKind.Boolean: return $"{Draw}.Bool({r})";
            case ValueKind.Guid: return $"{Draw}.Guid({r})";
            case ValueKind.Enum: return Pick(p, r, stem);
            case ValueKind.String: return $"{Draw}.Letters({r}, {p.MinLength}, {p.MaxLength})";
        }
        return p.Kind.IsFloating() ? Floating(p, r, out setup) : Integer(p, r, out setup);
    }

    private static string Pick(PropertySpec p, string r, string stem) => p.CumulativeWeights.Count > 0
        ? $"s_{stem}Values[{Draw}.Weighted({r}, s_{stem}Weights)]"
        : $"s_{stem}Values[{r}.NextInt({p.Values.Count.ToString(CultureInfo.InvariantCulture)})]";

    private static string Integer(PropertySpec p, string r, out string[] setup)
    {
        var min = Literals.Long(p.Bounds.LongMin);
        var max = Literals.Long(p.Bounds.LongMax);
        setup = System.Array.Empty<string>();
        if (p.Ordering is { } o)
        {
            // The other property was drawn first; this one is drawn in what is left of its (pre-narrowed) range.
            var units = Literals.ToUnits(p.Kind, o.OtherIsNullable ? "value" : "other");
            var bound = o.Greater ? $"global::System.Math.Max({min}, {units} + 1)" : $"global::System.Math.Min({max}, {units} - 1)";
            var line = o.OtherIsNullable ? $"other is {{ }} value ? {bound} : {(o.Greater ? min : max)}" : bound;
            setup = new[] { $"var {(o.Greater ? "min" : "max")} = {line};" };
            if (o.Greater) min = "min";
            else max = "max";
        }
        string units2;
        if (p.Distribution is { } d)
        {
            var scale = p.Kind == ValueKind.Decimal ? 100.0 : 1.0;
            units2 = $"{Draw}.Round({Continuous(d, r, scale, min, max)}, {min}, {max})";
        }
        else units2 = $"{Draw}.Int64({r}, {min}, {max})";
        return Literals.FromUnits(p, units2);
    }

    private static string Floating(PropertySpec p, string r, out string[] setup)
    {
        var min = Literals.Double(p.Bounds.DoubleMin);
        var max = Literals.Double(p.Bounds.DoubleMax);
        setup = System.Array.Empty<string>();
        if (p.Ordering is { } o)
        {
            var math = p.Kind == ValueKind.Single ? "global::System.MathF" : "global::System.Math";
            var v = o.OtherIsNullable ? "value" : "other";
            var bound = o.Greater ? $"global::System.Math.Max({min}, {math}.BitIncrement({v}))" : $"global::System.Math.Min({max}, {math}.BitDecrement({v}))";
            var line = o.OtherIsNullable ? $"other is {{ }} value ? {bound} : {(o.Greater ? min : max)}" : bound;
            setup = new[] { $"var {(o.Greater ? "min" : "max")} = {line};" };
            if (o.Greater) min = "min";
            else max = "max";
        }
        if (p.Distribution is { } d)
        {
            var value = Continuous(d, r, 1.0, min, max);
            return p.Kind == ValueKind.Single ? $"{Draw}.ToSingle({value}, {min}, {max})" : value;
        }
        return p.Kind == ValueKind.Single ? $"{Draw}.Single({r}, {min}, {max})" : $"{Draw}.Double({r}, {min}, {max})";
    }

    private static string Continuous(DistributionSpec d, string r, double scale, string min, string max) => d.Kind switch
    {
        1 => $"{Draw}.Normal({r}, {Literals.Double(d.Parameter1 * scale)}, {Literals.Double(d.Parameter2 * scale)}, {min}, {max})",
        2 => $"{Draw}.LogNormal({r}, {Literals.Double(d.Parameter1 + System.Math.Log(scale))}, {Literals.Double(d.Parameter2)}, {min}, {max})",
        _ => $"{Draw}.Exponential({r}, {Literals.Double(d.Parameter1 * scale)}, {min}, {max})",
    };
}
