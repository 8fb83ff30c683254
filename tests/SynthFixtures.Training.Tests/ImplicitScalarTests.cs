using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// The training code makes no TorchSharp <c>Scalar</c> that could be finalized while libtorch reads it
/// (see <c>KeptScalars</c>): no implicit conversion to Scalar, and no tensor <c>+</c> or one-argument <c>add</c>/<c>add_</c>,
/// which TorchSharp implements by making a Scalar 1 for the alpha it passes on (its <c>sub</c> has no alpha). Such a race
/// crashed CTGAN after 4 and after 103 epochs on adult, so the rule is checked on the sources, not left to review.
/// </summary>
public class ImplicitScalarTests
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);
    private static readonly string[] AlphaMethods = ["add", "add_"];

    [Fact]
    public void Training_sources_make_no_scalar_that_can_be_collected_mid_call()
    {
        var sourceDirectory = Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", "src", "SynthFixtures.Training"));
        var trees = Directory.EnumerateFiles(sourceDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Parse, path: f))
            .ToList();
        Assert.NotEmpty(trees);
        // The SDK's implicit usings for a library.
        trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
            "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", Parse, path: "ImplicitUsings.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(TorchSharp.torch).Assembly.Location)
            .Append(typeof(SynthFixtures.Models.SynthModel).Assembly.Location)
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        Compilation compilation = CSharpCompilation.Create("SynthFixtures.Training",   // the real name, so the runtime's InternalsVisibleTo applies
            trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        // The JSON contexts are completed by the SDK's System.Text.Json source generator, as in the real build.
        CSharpGeneratorDriver.Create([.. JsonSourceGenerators()], parseOptions: Parse).RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        Assert.True(errors.Count == 0, "The training sources must compile for the check: " + string.Join("; ", errors));
        var scalar = compilation.GetTypeByMetadataName("TorchSharp.Scalar")!;
        var tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor")!;
        Assert.NotNull(scalar);
        Assert.NotNull(tensor);

        var findings = new List<string>();
        foreach (var tree in trees.Where(t => t.FilePath != "ImplicitUsings.cs"))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var operation = model.GetOperation(node);
                if (operation is null || operation.Syntax != node) continue;
                var problem = operation switch
                {
                    IConversionOperation { Conversion.IsUserDefined: true } c when SymbolEqualityComparer.Default.Equals(c.Type, scalar) => "implicit Scalar",
                    IBinaryOperation { OperatorMethod: { } m } when IsPlus(m, tensor) => "tensor + (Scalar alpha made inside)",
                    ICompoundAssignmentOperation { OperatorMethod: { } m } when IsPlus(m, tensor) => "tensor += (Scalar alpha made inside)",
                    IInvocationOperation i when SymbolEqualityComparer.Default.Equals(i.TargetMethod.ContainingType, tensor)
                        && AlphaMethods.Contains(i.TargetMethod.Name) && i.TargetMethod.Parameters.Length == 1 => $"{i.TargetMethod.Name} without alpha (Scalar made inside)",
                    _ => null,
                };
                if (problem is null) continue;
                var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                findings.Add($"{Path.GetRelativePath(sourceDirectory, tree.FilePath)}:{line}: {problem}: {node}");
            }
        }

        Assert.True(findings.Count == 0, "Use KeptScalars and KeptArithmetic.Plus instead:\n" + string.Join("\n", findings));
    }

    /// <summary>The System.Text.Json source generator of the targeting pack this runtime belongs to.</summary>
    private static IEnumerable<ISourceGenerator> JsonSourceGenerators()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory(); // <dotnet>/shared/Microsoft.NETCore.App/<version>/
        var packs = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        var major = Environment.Version.Major + ".";
        // The pack of this runtime's version, else the newest of the same major version (a runtime may be newer than the SDK's pack).
        var path = Directory.EnumerateDirectories(packs).Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
            .OrderByDescending(d => Path.GetFileName(d) == Path.GetFileName(Path.TrimEndingDirectorySeparator(runtime)))
            .ThenByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
            .Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"No System.Text.Json source generator under {packs}.");
        return new AnalyzerFileReference(path, new GeneratorLoader()).GetGenerators(LanguageNames.CSharp);
    }

    private sealed class GeneratorLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath) { }
        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private static bool IsPlus(IMethodSymbol method, INamedTypeSymbol tensor) =>
        method.Name == "op_Addition" && SymbolEqualityComparer.Default.Equals(method.ContainingType, tensor);

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
