using BenchmarkDotNet.Attributes;
using Bogus;

namespace SynthFixtures.Benchmarks;

public enum AccountStatus { Pending, Active, Suspended, Closed }

/// <summary>A 10-property type with a constraint on every property, the same rules for both generators.</summary>
[Synthesize]
public partial record Account
{
    [SynthKey] public int Id { get; init; }
    [SynthRange(18, 90)] public int Age { get; init; }
    [OneOf("bronze", "silver", "gold", "platinum")] public string Tier { get; init; } = "";
    [SynthRange(0.0, 5000.0)] public double Balance { get; init; }
    [SynthRange("0.01", "999.99")] public decimal Fee { get; init; }
    public bool Verified { get; init; }
    [SynthRange("2020-01-01", "2024-12-30")] public DateOnly Opened { get; init; }
    [GreaterThan(nameof(Opened)), SynthRange("2020-01-02", "2024-12-31")] public DateOnly Reviewed { get; init; }
    public AccountStatus Status { get; init; }
    [SynthStringLength(5, 10)] public string Handle { get; init; } = "";
}

/// <summary>
/// Issue 3's target: 1,000,000 constrained objects from the generated synthesizer at ≥ 2× the speed of an equivalent
/// Bogus <c>Faker&lt;T&gt;</c>, in one run. OperationsPerInvoke makes Mean and Allocated read per object.
/// Run: <c>dotnet run -c Release --project tests/SynthFixtures.Benchmarks -- --filter '*TypedSynthesis*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TypedSynthesisBenchmarks
{
    private const int Objects = 1_000_000;
    private static readonly string[] Tiers = ["bronze", "silver", "gold", "platinum"];
    private static readonly DateOnly First = new(2020, 1, 1), Last = new(2024, 12, 31);
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    [Benchmark(Baseline = true, OperationsPerInvoke = Objects, Description = "Bogus Faker<T>, 1M objects")]
    public long Bogus()
    {
        var id = 0;
        var faker = new Faker<Account>()
            .UseSeed(42)
            .RuleFor(a => a.Id, _ => ++id)
            .RuleFor(a => a.Age, f => f.Random.Int(18, 90))
            .RuleFor(a => a.Tier, f => f.PickRandom(Tiers))
            .RuleFor(a => a.Balance, f => f.Random.Double(0, 5000))
            .RuleFor(a => a.Fee, f => Math.Round(f.Random.Decimal(0.01m, 999.99m), 2))
            .RuleFor(a => a.Verified, f => f.Random.Bool())
            .RuleFor(a => a.Opened, f => f.Date.BetweenDateOnly(First, Last.AddDays(-1)))
            .RuleFor(a => a.Reviewed, (f, a) => f.Date.BetweenDateOnly(a.Opened.AddDays(1), Last))
            .RuleFor(a => a.Status, f => f.PickRandom<AccountStatus>())
            .RuleFor(a => a.Handle, f => f.Random.String2(f.Random.Int(5, 10), Letters));
        long checksum = 0;
        foreach (var account in faker.GenerateLazy(Objects)) checksum += account.Age + account.Handle.Length;
        return checksum;
    }

    [Benchmark(OperationsPerInvoke = Objects, Description = "SynthFixtures generated, 1M objects")]
    public long Generated()
    {
        long checksum = 0;
        foreach (var account in Account.Synth.WithSeed(42).Take(Objects)) checksum += account.Age + account.Handle.Length;
        return checksum;
    }
}
