using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;
using SynthFixtures.Modeling;
using SynthFixtures.Models;
using SynthFixtures.Transforms.Rules;

namespace SynthFixtures.Tests.Models.Rules;

/// <summary>
/// An invented admissions table that keeps one rule of each kind: city–state as a fixed combination, discharged after
/// admitted (dates), high ≥ low (integers, low sometimes missing), total = price × quantity + fee, and Luhn-checked
/// account numbers with a prefix. Shared by the core's and the neural trainers' rule tests.
/// </summary>
public static class RuleTable
{
    /// <summary>The metadata JSON of the table, rules included, as a user would write it.</summary>
    public const string MetadataJson = """
        {
          "schemaVersion": 1,
          "columns": [
            { "name": "account", "kind": "identifier" },
            { "name": "city", "kind": "categorical" },
            { "name": "state", "kind": "categorical" },
            { "name": "admitted", "kind": "dateTime", "dateTimeFormat": "yyyy-MM-dd" },
            { "name": "discharged", "kind": "dateTime", "dateTimeFormat": "yyyy-MM-dd" },
            { "name": "low", "kind": "integer" },
            { "name": "high", "kind": "integer" },
            { "name": "price", "kind": "decimal", "decimalPlaces": 2 },
            { "name": "quantity", "kind": "integer" },
            { "name": "fee", "kind": "decimal", "decimalPlaces": 2 },
            { "name": "total", "kind": "decimal", "decimalPlaces": 2 }
          ],
          "rules": [
            { "fixedCombination": ["city", "state"] },
            { "inequality": "discharged > admitted" },
            { "inequality": "low <= high" },
            { "derived": "total = price * quantity + fee" },
            { "identifier": "account", "prefix": "AC-" }
          ]
        }
        """;

    private static readonly (string City, string State)[] Places =
        [("Springfield", "IL"), ("Springfield", "MA"), ("Portland", "OR"), ("Portland", "ME"), ("Austin", "TX"), ("Boston", "MA")];

    /// <summary>The metadata, parsed (the identifier's digits and check digit left to be learned).</summary>
    public static TableMetadata Metadata => global::SynthFixtures.Metadata.MetadataJson.Parse(MetadataJson, "rules.json");

    /// <summary>The metadata with the identifier's format declared in full, as a differentially private fit needs it.</summary>
    public static TableMetadata PrivateMetadata => global::SynthFixtures.Metadata.MetadataJson.Parse(
        MetadataJson.Replace("\"prefix\": \"AC-\"", "\"prefix\": \"AC-\", \"digits\": 7, \"checkDigit\": \"luhn\"", StringComparison.Ordinal), "rules.json");

    /// <summary><paramref name="rows"/> rows that keep every rule.</summary>
    public static Table Make(int rows, int seed = 5)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 11).Select(_ => new string?[rows]).ToArray();
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var r = 0; r < rows; r++)
        {
            var body = (1000 + r).ToString("000000", CultureInfo.InvariantCulture);
            columns[0][r] = "AC-" + body + CheckDigits.Compute(CheckDigit.Luhn, body);
            var place = Places[random.Next(Places.Length)];
            (columns[1][r], columns[2][r]) = (place.City, place.State);
            var admitted = start.AddDays(random.Next(700));
            columns[3][r] = admitted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            columns[4][r] = admitted.AddDays(1 + (int)(random.NextDouble() * random.NextDouble() * 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var low = random.Next(0, 50);
            columns[5][r] = random.NextDouble() < 0.1 ? null : low.ToString(CultureInfo.InvariantCulture);
            columns[6][r] = (low + (random.NextDouble() < 0.2 ? 0 : random.Next(1, 20))).ToString(CultureInfo.InvariantCulture);
            var price = Math.Round(5 + random.NextDouble() * 95, 2);
            var quantity = random.Next(1, 10);
            var fee = random.NextDouble() < 0.5 ? 0 : 4.99;
            columns[7][r] = price.ToString("F2", CultureInfo.InvariantCulture);
            columns[8][r] = quantity.ToString(CultureInfo.InvariantCulture);
            columns[9][r] = fee.ToString("F2", CultureInfo.InvariantCulture);
            columns[10][r] = Math.Round(price * quantity + fee, 2).ToString("F2", CultureInfo.InvariantCulture);
        }
        return new Table(["account", "city", "state", "admitted", "discharged", "low", "high", "price", "quantity", "fee", "total"], columns);
    }

    /// <summary>A model of <paramref name="kind"/> fitted to <paramref name="table"/> by <paramref name="trainers"/>, keeping the rules.</summary>
    public static SynthModel Train(ModelTrainers trainers, string kind, Table table, IReadOnlyDictionary<string, string>? settings = null, long seed = 3)
    {
        var modelKind = trainers.Catalog.Find(kind);
        var values = SettingValues.Parse(modelKind, settings ?? new Dictionary<string, string>(), trainers.Catalog);
        var trainer = trainers.For(modelKind);
        return KeptRulesTraining.Train(trainer, table, trainer is IPrivateTrainer ? PrivateMetadata : Metadata, seed, values, null, CancellationToken.None);
    }

    /// <summary>Rows of <paramref name="sample"/> breaking each rule (fixed combinations: against <paramref name="source"/>'s), as "rule: count" lines.</summary>
    public static IReadOnlyList<RuleViolation> Violations(Table sample, Table source)
    {
        var violations = RuleViolations.Find(sample, Metadata, source).ToList();
        // The identifier's learned format: prefix, eight digits, Luhn.
        var accounts = sample.Column("account");
        var badAccounts = Enumerable.Range(0, sample.RowCount).Where(r => accounts[r] is { } a && !RuleViolations.MatchesFormat(a, "AC-", 7, CheckDigit.Luhn)).ToList();
        violations.Add(new RuleViolation(new IdentifierFormatRule("account", "AC-", 7, CheckDigit.Luhn), badAccounts.Count, badAccounts.Take(5).ToList()));
        return violations;
    }
}
