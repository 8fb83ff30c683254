using BenchmarkDotNet.Attributes;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;
using SynthFixtures.Models.Relational;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// Target (issue 13): chinook end to end — learn 11 tables, generate at scale 1 — well under 15 s on 2 cores (writing
/// SQLite is measured by the database benchmarks). Keys: the folder's detected ones plus the two whose names do not
/// match their parent's (Customer.SupportRepId, Employee.ReportsTo) and the invoice total's sum rule.
/// </summary>
[MemoryDiagnoser]
public class RelationalBenchmarks
{
    private RelationalDataset _data = null!;
    private RelationalModel _model = null!;
    private string _modelPath = null!;

    [GlobalSetup]
    public void Setup()
    {
        var track = BenchmarkData.DatasetPath("chinook", "Track.csv")
            ?? throw new InvalidOperationException("The chinook dataset was not found (set SYNTHFIXTURES_DATASETS).");
        var detected = RelationalCsvFolder.Read(Path.GetDirectoryName(track)!);
        var metadata = detected.Metadata;
        ForeignKey Key(string child, string column, string parent, string parentColumn) =>
            new() { ChildTable = child, ChildColumns = [column], ParentTable = parent, ParentColumns = [parentColumn], Evidence = "README" };
        var extra = new[] { Key("Customer", "SupportRepId", "Employee", "EmployeeId"), Key("Employee", "ReportsTo", "Employee", "EmployeeId") }
            .Where(k => !metadata.ForeignKeys.Any(d => d.ChildTable == k.ChildTable && d.ChildColumns.SequenceEqual(k.ChildColumns)));
        var lines = metadata.ForeignKeys.Single(k => k.ChildTable == "InvoiceLine" && k.ParentTable == "Invoice");
        metadata = metadata with
        {
            ForeignKeys = [.. metadata.ForeignKeys, .. extra],
            SumRules = [new ChildSumRule { Column = "Total", Key = lines, Factors = ["UnitPrice", "Quantity"] }],
        };
        _data = new RelationalDataset(metadata, metadata.Tables.ToDictionary(t => t.Name, t => detected[t.Name]));
        _modelPath = Path.Combine(Path.GetTempPath(), $"chinook-bench-{Environment.ProcessId}.synth");
        _model = LearnModel();
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_modelPath);

    private RelationalModel LearnModel() =>
        new RelationalTrainingService(ModelTrainers.Core).Train(new RelationalTrainingRequest { Data = _data, ModelPath = _modelPath, Seed = 1 }).Model;

    [Benchmark(Description = "chinook: learn 11 tables and generate at scale 1")]
    public RelationalDataset LearnAndGenerate() => LearnModel().Sample(1, seed: 1);

    [Benchmark(Description = "chinook: generate at scale 1")]
    public RelationalDataset GenerateScale1() => _model.Sample(1, seed: 1);

    [Benchmark(Description = "chinook: generate at scale 10")]
    public RelationalDataset GenerateScale10() => _model.Sample(10, seed: 1);
}
