using System.Linq;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Emitting;

/// <summary>
/// The emit step for a type bound to a table of a learned database (<c>[Synthesize(From = …, Table = …)]</c>): its
/// stream reads the rows of that table from the graph's one sample of the database (<c>SynthGraph.Database</c>), row
/// by row, ends with the table, makes each row's object once, and before making a child brings the parent of every
/// foreign-key property into the graph, so the parents come first in <c>SynthGraph.Objects</c>. Unbound properties are
/// drawn from their attributes, in the order objects are made.
/// </summary>
internal static class DatabaseEmitter
{
    private const string Rows = "global::SynthFixtures.Sampling.Typed.DatabaseRows";

    public static string Emit(TypeSpec type, BindingPlan plan)
    {
        var w = new CodeWriter();
        var self = type.FullyQualifiedName;
        var synthesizer = type.Name + "Synthesizer";
        var from = type.From!.Replace("&", "&amp;").Replace("<", "&lt;");
        var table = plan.Table!.Replace("&", "&amp;").Replace("<", "&lt;");
        SynthesizerEmitter.EmitFileStart(w, type, $"The rows of table {table} of the database learned from {from}, as <see cref=\"{type.Name}\"/> objects: <c>{type.Name}.Synth.In(graph)</c>.");
        w.Line($"/// <summary>Makes <see cref=\"{type.Name}\"/> objects from table {table} of the graph's sample of the database learned from {from}; unbound properties from their attributes.</summary>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"SynthFixtures.Generators\", \"{GeneratorVersion.Value}\")]");
        w.Open($"public sealed class {synthesizer} : global::SynthFixtures.ISynthesizer<{self}>");
        w.Line("/// <summary>The one instance: it holds no state (streams do).</summary>");
        w.Line($"public static {synthesizer} Instance {{ get; }} = new();").Line();
        SynthesizerEmitter.EmitStatics(w, type, plan);
        foreach (var b in plan.Bindings.Where(b => b.Read == ColumnRead.Enum))
        {
            SynthesizerEmitter.EmitLabels(w, type, b);
            w.Line();
        }
        w.Line($"private {synthesizer}() {{ }}").Line();
        w.Line($"/// <summary>The database learned from {from}, embedded in this assembly at build time.</summary>");
        w.Line($"public static global::SynthFixtures.Models.Relational.RelationalModel Model => global::SynthFixtures.Models.Relational.EmbeddedDatabases.Load(typeof({self}).Assembly, {Literals.String(plan.ModelName)});").Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public global::SynthFixtures.ISynthStream<{self}> Open(global::SynthFixtures.SynthGraph graph) => new Stream(graph);").Line();
        SynthesizerEmitter.EmitPrivacy(w, type, plan);
        EmitStream(w, type, plan);
        w.Close();
        SynthesizerEmitter.EmitFileEnd(w, type);
        return w.ToString();
    }

    private static void EmitStream(CodeWriter w, TypeSpec type, BindingPlan plan)
    {
        var self = type.FullyQualifiedName;
        var purpose = self.Replace("global::", "");
        var bound = plan.Bindings.ToDictionary(b => b.Property);
        var principals = plan.Principals.ToDictionary(p => p.Property);
        w.Open($"private sealed class Stream : global::SynthFixtures.ISynthStream<{self}>, global::SynthFixtures.IFiniteSynthStream, global::SynthFixtures.IDatabaseRowStream<{self}>");
        w.Line("private readonly global::SynthFixtures.SynthGraph _graph;");
        w.Line($"private readonly {Rows} _rows;");
        w.Line($"private readonly global::System.Func<int, {self}> _make;");
        w.Line("private int _next;");
        SynthesizerEmitter.EmitColumnOrDrawnFields(w, type, bound);
        w.Line();
        w.Open("public Stream(global::SynthFixtures.SynthGraph graph)");
        w.Line("_graph = graph;");
        w.Line($"_rows = graph.Database(Model).Rows({Literals.String(plan.Table!)});");
        w.Line("_make = Make;");
        foreach (var b in plan.Bindings) w.Line($"_{Literals.Stem(b.Property)}Column = _rows.Column({Literals.String(b.Column)});");
        foreach (var p in type.Properties.Where(p => !bound.ContainsKey(p.Name))) SynthesizerEmitter.EmitDrawnConstruction(w, p, purpose);
        w.Close().Line();

        w.Line("/// <inheritdoc />");
        w.Line($"public {Rows} Rows => _rows;").Line();
        w.Line("/// <inheritdoc />");
        w.Line("public bool HasNext => _next < _rows.Count;").Line();
        w.Line("/// <inheritdoc />");
        w.Open($"public {self} Next()");
        w.Line($"if (_next >= _rows.Count) throw new global::SynthFixtures.SynthDataException($\"The graph's sample of table {{_rows.Table}} has {{_rows.Count}} rows, and all of them were taken.\", hint: \"Take fewer objects, or give the SynthGraph a larger Scale.\");");
        w.Line("return At(_next++);");
        w.Close().Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public {self} At(int row) => _rows.Object(row, _make);").Line();

        w.Open($"private {self} Make(int row)");
        // Parents first: their objects are made (and listed in the graph) before this one.
        foreach (var p in type.Properties.Where(p => principals.ContainsKey(p.Name)))
        {
            var principal = principals[p.Name].PrincipalType;
            var shortName = principal.Substring(principal.LastIndexOf('.') + 1).Replace("global::", "");
            w.Line($"_rows.Principal({principal}.{shortName}Synthesizer.Instance, _{Literals.Stem(p.Name)}Column, row);");
        }
        foreach (var p in type.Properties)
        {
            if (bound.TryGetValue(p.Name, out var b)) w.Line($"var {Literals.Local(p.Name)} = {ReadExpression(p, b)};");
            else SynthesizerEmitter.EmitDrawnLocal(w, p);
        }
        w.Open($"return new {self}");
        foreach (var p in type.Properties) w.Line($"{p.Name} = {Literals.Local(p.Name)},");
        w.Close(";");
        w.Close();
        SynthesizerEmitter.EmitDrawMethods(w, type, bound);
        w.Close();
    }

    /// <summary>The expression reading a bound property from row <c>row</c> of the table.</summary>
    private static string ReadExpression(PropertySpec p, PropertyBinding b) =>
        CellReads.Read(p, b, "_rows", $"row, _{Literals.Stem(p.Name)}Column", $"s_{Literals.Stem(p.Name)}Labels", readsDecimal: true, readsGuid: true);
}
