namespace SynthFixtures.Tests.Architecture;

/// <summary>
/// One layer of the code base: the places its types live in (a namespace, or with <c>.*</c> a namespace and everything
/// below it) and, for layers outside the core assembly, the assemblies that hold them.
/// </summary>
/// <param name="Name">What the layer is called in failure messages.</param>
/// <param name="Places">Namespaces (for core sources: folders written as namespaces) that belong to the layer.</param>
/// <param name="Assemblies">Assemblies that belong to the layer (only for layers outside the core).</param>
public sealed record Layer(string Name, string[] Places, string[]? Assemblies = null)
{
    /// <summary>Whether the layer lives outside the core assembly (so the core must not use it at all).</summary>
    public bool OutsideCore => Assemblies is not null;
}

/// <summary>
/// The direction data flows in (ingest → metadata → transforms → models → sampling → typed API / evaluation), as the
/// one table <see cref="LayeringTests"/> checks: a layer may use its own and the layers listed before it, never a later one.
/// </summary>
public static class Layers
{
    /// <summary>Bottom to top.</summary>
    public static readonly Layer[] Order =
    [
        new("foundation", ["SynthFixtures", "SynthFixtures.Randomness.*", "SynthFixtures.Numerics.*"]),
        // Differential-privacy accounting (Rényi DP, zCDP, noise calibration): math over the foundation that the DP
        // models and the training service spend budgets through; it reads no data.
        new("privacy accounting", ["SynthFixtures.Privacy.*"]),
        new("ingest", ["SynthFixtures.Data.*"]),
        new("metadata", ["SynthFixtures.Metadata.*"]),
        new("transforms", ["SynthFixtures.Transforms.*"]),
        // Conditions, sampled tables, sampling options and generated columns: the vocabulary the models sample in.
        new("sampling vocabulary", ["SynthFixtures.Sampling", "SynthFixtures.Sampling.Generated.*", "SynthFixtures.Sampling.Expressions.*"]),
        // Learned text column models (a conditioned language model per free-text column, sampled in pure C#): the tabular
        // models hold them and call them after a row's other cells are drawn.
        new("text models", ["SynthFixtures.Text", "SynthFixtures.Text.Learned.*"]),
        new("models", ["SynthFixtures.Models.*"]),
        // The train and sample use cases: model kinds' settings tables, the trainer registry, the training service and the
        // sampling service (a sample streamed to a file) over the models.
        new("training service", ["SynthFixtures.Modeling.*"]),
        // LLM-written text columns (IChatClient, prompt templates, record/replay, budgets): a step after sampling.
        new("LLM text", ["SynthFixtures.Text.Llm.*"]),
        // Typed synthesizers and the attributes that shape them sit on top of the models they bind to.
        new("typed API", ["SynthFixtures.Sampling.Typed.*", "SynthFixtures.Attributes.*"]),
        new("evaluation", ["SynthFixtures.Evaluation.*"]),
        // The privacy audit trains models many times through the training service and attacks their samples: a use case
        // on top of the training service, although it lives beside the accounting it checks.
        new("privacy audit", ["SynthFixtures.Privacy.Audit.*"]),
        // Outside the core assembly: the core uses none of these.
        new("machine-learning utility", [], ["SynthFixtures.Evaluation.Utility", "Microsoft.ML"]),
        new("reports", ["SynthFixtures.Reports.*", "ScottPlot.*"], ["SynthFixtures.Reports", "ScottPlot"]),
        new("LLM providers", ["SynthFixtures.Llm.*", "OpenAI.*", "OllamaSharp.*"], ["SynthFixtures.Llm", "OpenAI", "OllamaSharp"]),
        // Samples written as Parquet (Parquet.Net) through the sampling service's file-format seam.
        new("Parquet output", ["SynthFixtures.Parquet.*", "Parquet.*"], ["SynthFixtures.Parquet", "Parquet"]),
        // Reading related tables from SQLite/PostgreSQL and seeding generated databases into them.
        new("databases", ["SynthFixtures.Databases.*", "Microsoft.Data.Sqlite.*", "Npgsql.*"], ["SynthFixtures.Databases", "Microsoft.Data.Sqlite", "Npgsql"]),
        // Seeding a generated graph into any DbContext through EF Core's model metadata.
        new("EF Core integration", ["SynthFixtures.EntityFrameworkCore.*", "Microsoft.EntityFrameworkCore.*"], ["SynthFixtures.EntityFrameworkCore", "Microsoft.EntityFrameworkCore"]),
        new("training", ["SynthFixtures.Training.*", "TorchSharp.*"], ["SynthFixtures.Training", "TorchSharp"]),
        new("build trainer", ["SynthFixtures.Trainer.*"], ["SynthFixtures.Trainer"]),
        new("build task", ["SynthFixtures.Build.*", "Microsoft.Build.*"], ["SynthFixtures.Build", "Microsoft.Build"]),
        new("command line", ["SynthFixtures.Cli.*", "System.CommandLine.*"], ["SynthFixtures.Cli", "System.CommandLine"]),
        new("test-framework integration", ["SynthFixtures.Xunit.*", "Xunit.*"], ["SynthFixtures.Xunit", "xunit"]),
    ];

    /// <summary>
    /// The layer of a place (a namespace, or a core source folder written as one), or <c>null</c> for places outside
    /// the table (the framework, CsvHelper, Bogus…). The most specific entry wins, so <c>SynthFixtures.Sampling.Typed</c>
    /// is the typed API although <c>SynthFixtures.Sampling</c> is the sampling vocabulary.
    /// </summary>
    public static Layer? OfPlace(string place) =>
        Order.SelectMany(layer => layer.Places.Select(entry => (layer, entry)))
            .Where(candidate => Covers(candidate.entry, place))
            .OrderByDescending(candidate => candidate.entry.TrimEnd('*', '.').Length)
            .Select(candidate => candidate.layer)
            .FirstOrDefault();

    /// <summary>The layer outside the core that holds an assembly, or <c>null</c>.</summary>
    public static Layer? OfAssembly(string assembly) =>
        Order.FirstOrDefault(layer => layer.Assemblies?.Any(a => assembly == a || assembly.StartsWith(a + ".", StringComparison.Ordinal)) == true);

    /// <summary>Position in <see cref="Order"/> (higher is further up).</summary>
    public static int Rank(Layer layer) => Array.IndexOf(Order, layer);

    private static bool Covers(string entry, string place) =>
        entry.EndsWith(".*", StringComparison.Ordinal)
            ? place == entry[..^2] || place.StartsWith(entry[..^1], StringComparison.Ordinal)
            : place == entry;
}
