using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Generators.Model;
using SynthFixtures.Generators.Parsing;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Privacy;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Generators.Tests;

/// <summary>
/// The runtime writes <c>.synthschema</c> files (<see cref="ModelSchema.Write"/>) and the generator reads them
/// (<see cref="SchemaParser"/>): two implementations of one format, so every field the writer can express is fed
/// through both and must come out as it went in.
/// </summary>
public sealed class SchemaRoundTripTests
{
    // Every character the format escapes, plus text that only looks like an escape or a separator.
    private const string Awkward = "a,b=c%d\te\nf\rg %41 ü";

    [Fact]
    public void Every_field_of_every_column_kind_survives_writer_then_parser()
    {
        var columns = new List<ModelSchemaColumn>
        {
            new("count", ColumnKind.Integer, 0, "-3", "98"),
            new("ratio", ColumnKind.Decimal, 0.1, "-1.5E-07", "12345.678"),
            new("flag", ColumnKind.Boolean, 0.05, Labels: ["false", "true"]),
            new("seen", ColumnKind.DateTime, 1e-9, "2020-01-31T08:30:00", "2024-12-31T23:59:59"),
            new(Awkward, ColumnKind.Categorical, 0.3333333333333333,
                Labels: [Awkward, "x,y", "50%", "k=v", "", "  padded  ", "%2C", "line\nbreak"]),
            new("only-empty-label", ColumnKind.Categorical, 0, Labels: [""]),
            new("no-labels", ColumnKind.Categorical, 1, Labels: []),
            new("notes", ColumnKind.Text, 0.25, Generator: "lorem"),
            new("email", ColumnKind.Text, 0, Generator: "fake"),
        };
        columns.AddRange(Enum.GetValues<GeneratorKind>().Select(g =>
            new ModelSchemaColumn("id-" + g, ColumnKind.Identifier, 0, Generator: g.ToString().ToLowerInvariant())));
        columns.Add(new ModelSchemaColumn("odd generator", ColumnKind.Identifier, 0, Generator: Awkward));
        var schema = new ModelSchema("tvae" + Awkward, columns) { Privacy = PrivacyGuarantee.DifferentiallyPrivate("dp-tvae", 0.1 + 0.2, 1.0 / (26048 * Math.Sqrt(26048))) };
        Assert.Equal(Enum.GetValues<ColumnKind>().Order(), columns.Select(c => c.Kind).Distinct().Order()); // every kind is covered

        var parsed = SchemaParser.Parse("obj/models/people.synthschema", schema.Write());

        AssertSurvives(schema, parsed);
        Assert.Equal("people", parsed!.ModelName);
    }

    [Fact]
    public void Every_kind_of_kept_rule_survives_writer_then_parser()
    {
        var columns = new[] { "a", Awkward, "c", "d" }.Select(n => new ModelSchemaColumn(n, ColumnKind.Integer, 0, "0", "9")).ToList();
        var schema = new ModelSchema("gaussiancopula", columns)
        {
            Rules =
            [
                new Metadata.Rules.InequalityRule(Awkward, "a", true),
                new Metadata.Rules.InequalityRule("c", "a", false),
                new Metadata.Rules.DerivedColumnRule("d", [new Metadata.Rules.DerivedTerm(2, ["a", Awkward]), new Metadata.Rules.DerivedTerm(-1, ["c"])]),
                new Metadata.Rules.FixedCombinationRule(["a", Awkward]),
                new Metadata.Rules.IdentifierFormatRule("c", "X-", 5, Metadata.Rules.CheckDigit.Luhn),
            ],
        };

        var parsed = SchemaParser.Parse("obj/models/people.synthschema", schema.Write())!;

        Assert.Equal(
            [
                new SchemaRuleSpec("inequality", new[] { Awkward, "a" }.ToEquatableArray(), true),
                new SchemaRuleSpec("inequality", new[] { "c", "a" }.ToEquatableArray(), false),
                new SchemaRuleSpec("derived", new[] { "d", "a", Awkward, "c" }.ToEquatableArray(), false),
                new SchemaRuleSpec("fixedcombination", new[] { "a", Awkward }.ToEquatableArray(), false),
                new SchemaRuleSpec("identifier", new[] { "c" }.ToEquatableArray(), false),
            ], parsed.Rules);
        Assert.Equal(4, parsed.Columns.Count);
    }

    public static TheoryData<string> Guarantees => ["dp", "none", "unstated"];

    [Theory]
    [MemberData(nameof(Guarantees))]
    public void Every_privacy_guarantee_survives_writer_then_parser(string guarantee)
    {
        var schema = new ModelSchema("dp-marginals", [new ModelSchemaColumn("n", ColumnKind.Integer, 0, "0", "9")])
        {
            Privacy = guarantee switch
            {
                "dp" => PrivacyGuarantee.DifferentiallyPrivate("dp-marginals", 1.0000000000000002, 2.4106239e-7),
                "none" => PrivacyGuarantee.NotPrivate("dp-marginals"),
                _ => null,
            },
        };

        AssertSurvives(schema, SchemaParser.Parse("m.synthschema", schema.Write()));
    }

    [Fact]
    public void A_dp_marginals_models_schema_carries_its_plans_epsilon_and_delta()
    {
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "age", Kind = ColumnKind.Integer }, new ColumnMetadata { Name = "sex", Kind = ColumnKind.Categorical }],
        };
        var cells = new[] { new string?[500], new string?[500] };
        for (var r = 0; r < 500; r++)
        {
            cells[0][r] = (20 + r % 50).ToString(CultureInfo.InvariantCulture);
            cells[1][r] = r % 3 == 0 ? "F" : "M";
        }
        var model = SynthFixtures.Models.DpMarginals.DpMarginalsFitter.Fit(new Table(["age", "sex"], cells), metadata,
            new SynthFixtures.Models.DpMarginals.DpMarginalsOptions { Epsilon = 2, Delta = 1e-7, NoiseSeed = 5 });
        var schema = model.DescribeSchema();

        var parsed = SchemaParser.Parse("m.synthschema", schema.Write());

        AssertSurvives(schema, parsed);
        Assert.Equal(model.Privacy!.Epsilon, parsed!.Privacy!.Epsilon);
        Assert.Equal(1e-7, parsed.Privacy.Delta);
        Assert.Equal(2, parsed.Privacy.Epsilon!.Value, 9);
    }

    [Fact]
    public void A_fitted_models_schema_survives_and_its_date_range_reads_as_the_dates_the_data_holds()
    {
        // Day-first dates: the CSV's own format must not reach the generator, which reads dates invariantly.
        var metadata = new TableMetadata
        {
            PrimaryKey = "id",
            Columns =
            [
                new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
                new ColumnMetadata { Name = "age", Kind = ColumnKind.Integer },
                new ColumnMetadata { Name = "income", Kind = ColumnKind.Decimal, DecimalPlaces = 2 },
                new ColumnMetadata { Name = "group, kind", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "joined", Kind = ColumnKind.DateTime, DateTimeFormat = "dd/MM/yyyy" },
                new ColumnMetadata { Name = "smoker", Kind = ColumnKind.Boolean },
                new ColumnMetadata { Name = "email", Kind = ColumnKind.Text, Pii = PiiKind.Email },
            ],
        };
        const int rows = 400;
        var first = new DateTime(2024, 2, 3);
        var cells = metadata.Columns.Select(_ => new string?[rows]).ToArray();
        for (var r = 0; r < rows; r++)
        {
            cells[0][r] = (1000 + r).ToString(CultureInfo.InvariantCulture);
            cells[1][r] = (18 + r % 60).ToString(CultureInfo.InvariantCulture);
            cells[2][r] = r % 10 == 0 ? null : (100 + r * 1.25).ToString("F2", CultureInfo.InvariantCulture);
            cells[3][r] = (r % 3) switch { 0 => "a,b", 1 => "50%", _ => "k=v" };
            cells[4][r] = first.AddDays(r % 200).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            cells[5][r] = r % 4 == 0 ? "true" : "false";
            cells[6][r] = $"person{r}@example.com";
        }
        var schema = GaussianCopulaFitter.Fit(new Table(metadata.Columns.Select(c => c.Name).ToArray(), cells), metadata).DescribeSchema();

        var parsed = SchemaParser.Parse("people.synthschema", schema.Write());

        AssertSurvives(schema, parsed);
        var joined = parsed!.Columns.Single(c => c.Name == "joined");
        Assert.Equal(first, ReadAsTheBinderDoes(joined.Minimum!));
        Assert.Equal(first.AddDays(199), ReadAsTheBinderDoes(joined.Maximum!));
    }

    private static void AssertSurvives(ModelSchema written, SchemaSpec? parsed)
    {
        Assert.NotNull(parsed);
        Assert.Equal(written.ModelKind, parsed.ModelKind);
        // Not stated stays not stated; "no guarantee" is both values null; a guarantee keeps every digit.
        Assert.Equal(written.Privacy is null, parsed.Privacy is null);
        Assert.Equal(written.Privacy?.Epsilon, parsed.Privacy?.Epsilon);
        Assert.Equal(written.Privacy?.Delta, parsed.Privacy?.Delta);
        Assert.Equal(written.Columns.Count, parsed.Columns.Count);
        for (var i = 0; i < written.Columns.Count; i++)
        {
            var (w, p) = (written.Columns[i], parsed.Columns[i]);
            Assert.Equal(w.Name, p.Name);
            Assert.Equal(w.Kind.ToString().ToLowerInvariant(), p.Kind);
            Assert.Equal(w.MissingRate, p.MissingRate);
            Assert.Equal(w.Minimum, p.Minimum);
            Assert.Equal(w.Maximum, p.Maximum);
            Assert.Equal(w.Labels ?? [], p.Labels);
            Assert.Equal(w.Generator, p.Generator);
        }
    }

    // ModelBinder's reading of a schema date (ToUnits), to the second.
    private static DateTime ReadAsTheBinderDoes(string text)
    {
        Assert.True(DateTime.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date), $"'{text}' is not a date the generator reads");
        return date;
    }
}
