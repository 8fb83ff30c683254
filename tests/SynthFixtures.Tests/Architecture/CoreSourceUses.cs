using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SynthFixtures.Tests.Architecture;

/// <summary>One name in a core source file that refers to a type, member or namespace declared elsewhere.</summary>
/// <param name="File">Source file, relative to <c>src/SynthFixtures</c>.</param>
/// <param name="Line">1-based line of the name.</param>
/// <param name="FromPlace">The file's folder written as a namespace (<c>SynthFixtures.Models.Neural</c>).</param>
/// <param name="Used">What the name refers to, fully qualified.</param>
/// <param name="UsedPlace">Where that lives: a core folder written as a namespace, or the namespace of a referenced type.</param>
/// <param name="UsedAssembly">The assembly of a referenced type, or <c>null</c> for core types and namespaces.</param>
public sealed record SourceUse(string File, int Line, string FromPlace, string Used, string UsedPlace, string? UsedAssembly);

/// <summary>
/// Compiles the core's sources with Roslyn and lists every name they use, placed by folder. Folders, not namespaces,
/// place core types because a few public types (<c>Synth</c>, <c>SynthGraph</c>, the attributes) live in the root
/// namespace for short names while their files sit with their layer.
/// </summary>
public static class CoreSourceUses
{
    /// <summary>The core project's source folder.</summary>
    public static readonly string SourceDirectory = Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", "..", "src", "SynthFixtures"));

    private static readonly Lazy<(CSharpCompilation Compilation, IReadOnlyList<SyntaxTree> Trees)> LazyCompilation = new(Compile);

    /// <summary>
    /// Errors that mean a name could not be resolved, which would hide a use from the walk. Other errors are expected:
    /// the walk runs without the source generators the real build uses (regular expressions, JSON contexts).
    /// </summary>
    private static readonly string[] UnresolvedNameErrors = ["CS0012", "CS0234", "CS0246", "CS0400", "CS0518"];

    /// <summary>Errors that would make the walk miss uses (unresolved names, unparsable syntax); empty when the walk is sound.</summary>
    public static IReadOnlyList<string> BlindingErrors() =>
        LazyCompilation.Value.Compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && (UnresolvedNameErrors.Contains(d.Id) || d.Location.SourceTree?.GetDiagnostics().Contains(d) == true))
            .Select(d => d.ToString())
            .ToList();

    /// <summary>The folders of the core source files walked, each written as a namespace (see <see cref="SourceUse.FromPlace"/>).</summary>
    public static IEnumerable<string> FolderPlaces() => LazyCompilation.Value.Trees.Select(t => FolderPlace(t.FilePath)).Distinct();

    /// <summary>Every use of a type, member or namespace declared outside the using file's own folder.</summary>
    public static IEnumerable<SourceUse> All()
    {
        var (compilation, trees) = LazyCompilation.Value;
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var file = Relative(tree.FilePath);
            var fromPlace = FolderPlace(tree.FilePath);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var symbol = node switch
                {
                    SimpleNameSyntax name when !InNamespaceDeclaration(name) => Referenced(model.GetSymbolInfo(name)),
                    ImplicitObjectCreationExpressionSyntax creation => model.GetTypeInfo(creation).Type,
                    _ => null,
                };
                if (symbol is null || Place(symbol) is not var (usedPlace, usedAssembly) || usedPlace == fromPlace) continue;
                // A named argument binds to a parameter; its method says more.
                var shown = symbol is IParameterSymbol parameter ? parameter.ContainingSymbol : symbol;
                yield return new SourceUse(file, tree.GetLineSpan(node.Span).StartLinePosition.Line + 1, fromPlace,
                    shown.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), usedPlace, usedAssembly);
            }
        }
    }

    private static (CSharpCompilation, IReadOnlyList<SyntaxTree>) Compile()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var separator = Path.DirectorySeparatorChar;
        var trees = Directory.EnumerateFiles(SourceDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}") && !f.Contains($"{separator}bin{separator}"))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f))
            .ToList();
        // The SDK's implicit usings for a library.
        var implicitUsings = CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; " +
            "global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", parse);
        // Everything this test process can load (the framework, the core's packages, the CLI and training assemblies, so
        // that a core source naming them resolves and is reported), except the built core, which these sources replace.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) != "SynthFixtures.dll")
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("SynthFixtures", [.. trees, implicitUsings], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        return (compilation, trees);
    }

    /// <summary>The symbol a name binds to; when binding is ambiguous or fails overload resolution, the first candidate still says where it lives.</summary>
    private static ISymbol? Referenced(SymbolInfo info) => info.Symbol ?? info.CandidateSymbols.FirstOrDefault();

    /// <summary>Where a used symbol lives, or <c>null</c> for symbols with no place of their own (locals, parameters, type parameters).</summary>
    private static (string Place, string? Assembly)? Place(ISymbol symbol)
    {
        if (symbol is INamespaceSymbol ns) return ns.IsGlobalNamespace ? null : (ns.ToDisplayString(), null);
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        while (type is IArrayTypeSymbol or IPointerTypeSymbol)
            type = type is IArrayTypeSymbol array ? array.ElementType : ((IPointerTypeSymbol)type).PointedAtType;
        if (type is null or ITypeParameterSymbol or IDynamicTypeSymbol || type.TypeKind == TypeKind.Error) return null;
        while (type.ContainingType is not null) type = type.ContainingType;
        var source = type.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree?.FilePath.StartsWith(SourceDirectory, StringComparison.Ordinal) == true);
        if (source is not null) return (FolderPlace(source.SourceTree!.FilePath), null);
        if (type.ContainingAssembly is null) return null;   // tuples and other synthesized types
        return (type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(), type.ContainingAssembly.Name);
    }

    private static bool InNamespaceDeclaration(SyntaxNode node) =>
        node.Ancestors().Any(a => a is BaseNamespaceDeclarationSyntax declaration && declaration.Name.Span.Contains(node.Span));

    /// <summary>A core file's folder written as a namespace: <c>Models/Neural/X.cs</c> is <c>SynthFixtures.Models.Neural</c>.</summary>
    private static string FolderPlace(string path)
    {
        var folder = Path.GetDirectoryName(Relative(path))!;
        return folder.Length == 0 ? "SynthFixtures" : "SynthFixtures." + folder.Replace(Path.DirectorySeparatorChar, '.');
    }

    private static string Relative(string path) => Path.GetRelativePath(SourceDirectory, path);

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
