using System.Linq;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Emitting;

/// <summary>
/// The emit step for an entity type bound to a sequence model (<c>[Synthesize(From = "weather.csv")]</c> with a
/// <c>[Steps]</c> list): its stream reads entities sampled from the embedded sequence model (<c>LearnedSequences</c>,
/// in seeded batches), each entity's own properties from its entity and context cells and its steps, in index order,
/// from its rows; unbound properties are drawn from their attributes. A query's simple Where comparisons on context
/// properties become conditions of the model's context model, so every entity meets them without rejection.
/// </summary>
internal static class SequenceEmitter
{
    private const string Sequences = "global::SynthFixtures.Sampling.Typed.LearnedSequences";
    private const string Condition = "global::SynthFixtures.Sampling.Condition";

    public static string Emit(TypeSpec type, BindingPlan plan)
    {
        var w = new CodeWriter();
        var self = type.FullyQualifiedName;
        var steps = type.Steps!;
        var synthesizer = type.Name + "Synthesizer";
        var from = type.From!.Replace("&", "&amp;").Replace("<", "&lt;");
        SynthesizerEmitter.EmitFileStart(w, type,
            $"Entities of the sequence model learned from {from}, each with its learned number of steps in <see cref=\"{steps.Property}\"/>, in index order, e.g. <c>{type.Name}.Synth.WithSeed(42).Take(10)</c>.");
        w.Line($"/// <summary>Makes <see cref=\"{type.Name}\"/> entities from the sequence model learned from {from}; unbound properties from their attributes.</summary>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"SynthFixtures.Generators\", \"{GeneratorVersion.Value}\")]");
        w.Open($"public sealed class {synthesizer} : global::SynthFixtures.IConditionalSynthesizer<{self}>");
        w.Line("/// <summary>The unconditioned instance; <see cref=\"Restrict\"/> makes conditioned ones.</summary>");
        w.Line($"public static {synthesizer} Instance {{ get; }} = new(global::System.Array.Empty<{Condition}>());").Line();
        SynthesizerEmitter.EmitStatics(w, type, plan);
        EmitColumnsAndLabels(w, type, plan);
        w.Line($"private readonly global::System.Collections.Generic.IReadOnlyList<{Condition}> _conditions;").Line();
        w.Line($"private {synthesizer}(global::System.Collections.Generic.IReadOnlyList<{Condition}> conditions) => _conditions = conditions;").Line();
        w.Line($"/// <summary>The sequence model trained from {from}, embedded in this assembly at build time.</summary>");
        w.Line($"public static global::SynthFixtures.Models.Sequences.SequenceModel Model => global::SynthFixtures.Models.Sequences.EmbeddedSequenceModels.Load(typeof({self}).Assembly, {Literals.String(plan.ModelName)});").Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public global::SynthFixtures.ISynthStream<{self}> Open(global::SynthFixtures.SynthGraph graph) => new Stream(graph, _conditions);").Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public global::SynthFixtures.ISynthesizer<{self}> Restrict(global::System.Linq.Expressions.Expression<global::System.Func<{self}, bool>> predicate) =>");
        w.Line($"    new {synthesizer}([.. _conditions, .. {Sequences}.Conditions(predicate, s_contextColumns, Model)]);").Line();
        SynthesizerEmitter.EmitPrivacy(w, type, plan);
        EmitStream(w, type, plan);
        w.Close();
        SynthesizerEmitter.EmitFileEnd(w, type);
        return w.ToString();
    }

    /// <summary>The context properties' columns (what a Where may condition on) and every bound enum's label map.</summary>
    private static void EmitColumnsAndLabels(CodeWriter w, TypeSpec type, BindingPlan plan)
    {
        SynthesizerEmitter.EmitColumnsAndLabels(w, type, plan, "s_contextColumns");
        foreach (var b in plan.StepBindings.Where(b => b.Read == ColumnRead.Enum))
        {
            var p = type.Steps!.Properties.First(q => q.Name == b.Property);
            SynthesizerEmitter.EmitLabelMap(w, StepLabels(p), p.TypeName, b);
        }
        w.Line();
    }

    private static void EmitStream(CodeWriter w, TypeSpec type, BindingPlan plan)
    {
        var self = type.FullyQualifiedName;
        var steps = type.Steps!;
        var purpose = self.Replace("global::", "");
        var bound = plan.Bindings.ToDictionary(b => b.Property);
        var stepBound = plan.StepBindings.ToDictionary(b => b.Property);
        w.Open($"private sealed class Stream : global::SynthFixtures.ISynthStream<{self}>");
        w.Line("private readonly global::SynthFixtures.SynthGraph _graph;");
        w.Line($"private readonly {Sequences} _entities;");
        SynthesizerEmitter.EmitColumnOrDrawnFields(w, type, bound);
        foreach (var b in plan.StepBindings) w.Line($"private readonly int {StepColumn(steps, b.Property)};");
        w.Line();
        w.Open($"public Stream(global::SynthFixtures.SynthGraph graph, global::System.Collections.Generic.IReadOnlyList<{Condition}> conditions)");
        w.Line("_graph = graph;");
        w.Line($"_entities = new {Sequences}(Model, graph.Random({Literals.String(purpose + "#model")}), conditions);");
        foreach (var b in plan.Bindings) w.Line($"_{Literals.Stem(b.Property)}Column = _entities.Column({Literals.String(b.Column)});");
        foreach (var b in plan.StepBindings) w.Line($"{StepColumn(steps, b.Property)} = _entities.Column({Literals.String(b.Column)});");
        foreach (var p in type.Properties.Where(p => !bound.ContainsKey(p.Name))) SynthesizerEmitter.EmitDrawnConstruction(w, p, purpose);
        w.Close().Line();

        w.Line("/// <inheritdoc />");
        w.Open($"public {self} Next()");
        w.Line("_entities.MoveNext();");
        foreach (var p in type.Properties)
        {
            if (bound.TryGetValue(p.Name, out var b)) w.Line($"var {Literals.Local(p.Name)} = {Read(p, b, $"_{Literals.Stem(p.Name)}Column", null, $"s_{Literals.Stem(p.Name)}Labels")};");
            else SynthesizerEmitter.EmitDrawnLocal(w, p);
        }
        var list = Literals.Local(steps.Property);
        w.Line("var __steps = _entities.Steps;");
        w.Line(steps.IsArray ? $"var {list} = new {steps.StepType}[__steps];" : $"var {list} = new global::System.Collections.Generic.List<{steps.StepType}>(__steps);");
        w.Open("for (var __step = 0; __step < __steps; __step++)");
        // One step value per line: the constructor's arguments in order, or the initializer's assignments.
        var values = steps.Properties.Select(p => (steps.Positional ? "" : p.Name + " = ") + Read(p, stepBound[p.Name], StepColumn(steps, p.Name), "__step", StepLabels(p))).ToList();
        w.Line(steps.IsArray ? $"{list}[__step] = new {steps.StepType}{(steps.Positional ? "(" : "")}" : $"{list}.Add(new {steps.StepType}{(steps.Positional ? "(" : "")}");
        if (!steps.Positional) w.Line("{");
        for (var i = 0; i < values.Count; i++)
            w.Line("    " + values[i] + (i < values.Count - 1 || !steps.Positional ? "," : steps.IsArray ? ");" : "));"));
        if (!steps.Positional) w.Line(steps.IsArray ? "};" : "});");
        w.Close();
        w.Open($"return new {self}");
        foreach (var p in type.Properties) w.Line($"{p.Name} = {Literals.Local(p.Name)},");
        w.Line($"{steps.Property} = {list},");
        w.Close(";");
        w.Close();
        SynthesizerEmitter.EmitDrawMethods(w, type, bound);
        w.Close();
    }

    private static string StepColumn(StepsSpec steps, string property) => $"_{Literals.Stem(steps.Property)}{property}Column";

    private static string StepLabels(PropertySpec p) => $"s_step{p.Name}Labels";

    /// <summary>
    /// The expression reading a bound property: an entity-level cell when <paramref name="step"/> is null, else the
    /// cell of that step.
    /// </summary>
    private static string Read(PropertySpec p, PropertyBinding b, string column, string? step, string labels) =>
        CellReads.Read(p, b, "_entities", step is null ? column : step + ", " + column, labels, readsDecimal: true, readsGuid: false);
}
