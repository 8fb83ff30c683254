using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;

namespace SynthFixtures.Training.Tests;

/// <summary>Small synthetic tables with a known structure, and the column-shapes score, for the trainer tests.</summary>
internal static class TestTables
{
    /// <summary>Two groups (young, well paid; senior, less so) over age, income and a plan; optionally an id column and missing incomes.</summary>
    public static (Table Table, TableMetadata Metadata) Small(int rows, bool withIdAndMissing = false)
    {
        var random = new SynthRandom(31);
        var age = new string?[rows];
        var income = new string?[rows];
        var plan = new string?[rows];
        var id = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var senior = random.NextDouble() < 0.4;
            age[i] = Math.Round(senior ? 65 + 4 * random.NextNormal() : 30 + 5 * random.NextNormal()).ToString(CultureInfo.InvariantCulture);
            income[i] = (senior ? 20 + 3 * random.NextNormal() : 55 + 8 * random.NextNormal()).ToString("F1", CultureInfo.InvariantCulture);
            var u = random.NextDouble();
            plan[i] = u < 0.6 ? "basic" : u < 0.9 ? "plus" : "premium";
            id[i] = (1000 + i).ToString(CultureInfo.InvariantCulture);
            if (withIdAndMissing && random.NextDouble() < 0.1) income[i] = null;
        }
        List<ColumnMetadata> columns =
        [
            new ColumnMetadata { Name = "age", Kind = ColumnKind.Integer },
            new ColumnMetadata { Name = "income", Kind = ColumnKind.Decimal, DecimalPlaces = 1 },
            new ColumnMetadata { Name = "plan", Kind = ColumnKind.Categorical },
        ];
        if (!withIdAndMissing) return (new Table(["age", "income", "plan"], [age, income, plan]), new TableMetadata { Columns = columns });
        columns.Insert(0, new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier });
        var table = new Table(["id", "age", "income", "plan"], [id, age, income, plan], [null, null, "NA", null]);
        return (table, new TableMetadata { Columns = columns });
    }

    /// <summary>SDMetrics' column shapes: KSComplement for numbers, TVComplement for labels, averaged over the modelled columns.</summary>
    public static double ColumnShapes(Table real, Table synthetic, TableMetadata metadata) =>
        metadata.Columns.Where(c => c.IsModelled).Average(column => column.IsNumeric
            ? KSComplement.Compute(ColumnValues.ToDoubles(real, real.IndexOf(column.Name), column), ColumnValues.ToDoubles(synthetic, synthetic.IndexOf(column.Name), column))
            : TVComplement.Compute(real.Column(column.Name), synthetic.Column(column.Name)));

    /// <summary>Pearson correlation of two numeric columns over the rows where both are present.</summary>
    public static double Correlation(Table table, string first, string second, TableMetadata metadata)
    {
        var x = ColumnValues.ToDoubles(table, table.IndexOf(first), metadata.Find(first)!);
        var y = ColumnValues.ToDoubles(table, table.IndexOf(second), metadata.Find(second)!);
        var pairs = x.Zip(y).Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToArray();
        var (mx, my) = (pairs.Average(p => p.First), pairs.Average(p => p.Second));
        var covariance = pairs.Sum(p => (p.First - mx) * (p.Second - my));
        return covariance / Math.Sqrt(pairs.Sum(p => (p.First - mx) * (p.First - mx)) * pairs.Sum(p => (p.Second - my) * (p.Second - my)));
    }
}

/// <summary>Reports on the calling thread (<see cref="Progress{T}"/> posts to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => report(value);
}
