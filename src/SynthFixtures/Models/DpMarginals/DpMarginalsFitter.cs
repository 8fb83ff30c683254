using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// Fits a <see cref="DpMarginalsModel"/> with the MST recipe (McKenna, Miklau, Sheldon 2021), accounted in zCDP:
/// bins and labels from noisy counts (<see cref="DomainDiscovery"/>), Gaussian measurements of every one-way marginal,
/// a spanning tree of column pairs selected with the exponential mechanism (<see cref="SpanningTreeSelection"/>),
/// Gaussian measurements of the tree's two-way marginals, a consistent tree distribution estimated from them
/// (<see cref="TreeEstimator"/>), then a privately chosen second parent per column measured as a three-way marginal
/// (<see cref="SecondParents"/>). Without metadata, the column kinds come first from a private profile
/// (<see cref="PrivateProfiler"/>). The data is read only by those noisy measurements and the selections.
/// </summary>
public static class DpMarginalsFitter
{
    /// <summary>Share of δ the label thresholds may use (the rest goes to the zCDP conversion).</summary>
    private const double LabelDeltaShare = 0.1;

    /// <summary>
    /// Learns the table under (ε, δ)-DP. <paramref name="metadata"/> is public (given by the user); <c>null</c> buys the
    /// column kinds from the budget with a private profile. Either way, cells that do not parse as their column's kind are
    /// read as missing, never an error. Same table, metadata and options (with a noise seed) ⇒ the same model, bit for bit.
    /// </summary>
    /// <exception cref="SynthDataException">The table is empty, δ is above 1/rows, the metadata names a column the table
    /// lacks, or no column can be learned.</exception>
    public static DpMarginalsModel Fit(Table table, TableMetadata? metadata, DpMarginalsOptions? options = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new DpMarginalsOptions();
        var rows = table.RowCount;
        if (rows == 0)
            throw new SynthDataException("The table has no rows to learn from.", table.SourcePath, hint: "Give a CSV with a header and at least one data row.");
        var delta = options.Delta ?? 1 / (rows * Math.Sqrt(rows));
        if (delta > 1.0 / rows)
            throw new SynthDataException(
                $"δ = {Show(delta)} is above 1/rows = {Show(1.0 / rows)}: a guarantee that weak allows releasing a whole row.",
                table.SourcePath, hint: $"Leave δ unset (1/(rows·√rows) = {Show(1 / (rows * Math.Sqrt(rows)))}) or set it below {Show(1.0 / rows)}.");

        // The label thresholds' δ is set aside before the profile, which decides whether there are labels at all.
        var profiled = metadata is null;
        var categoricalCount = metadata?.Columns.Count(c => c.IsModelled && !c.IsNumeric) ?? 0;
        var labelDelta = profiled || categoricalCount > 0 ? delta * LabelDeltaShare : 0;
        var conversionDelta = delta - labelDelta;
        var rho = ZcdpBudget.ForTarget(options.Epsilon, conversionDelta).Rho;
        var root = new SynthRandom(options.NoiseSeed ?? SecretSeed.Draw());

        // 0. The column kinds, from noisy counts, when the user gave no metadata.
        PrivateProfile? profile = null;
        if (metadata is null)
        {
            profile = PrivateProfiler.Profile(table, BudgetSplit.ProfileShare * rho, root.Derive("profile"));
            metadata = profile.Metadata;
            foreach (var column in metadata.Columns) progress?.Report($"{column.Name}: {column.Kind.ToString().ToLowerInvariant()} ({column.Evidence})");
        }
        table = TableCheck.ConformPrivately(metadata, table);

        var modelled = metadata.Columns.Select((c, i) => (Column: c, Index: i)).Where(c => c.Column.IsModelled).ToList();
        if (modelled.Count == 0)
            throw new SynthDataException("No column can be learned: every column is a key, text or personal data.", table.SourcePath,
                hint: "Mark at least one column as numeric, categorical or boolean in the metadata.");
        var d = modelled.Count;
        categoricalCount = modelled.Count(c => !c.Column.IsNumeric);
        var split = BudgetSplit.For(d, profiled);
        var noiseLevels = split.NoiseFor(rho, d);
        var (domainSigma, oneWaySigma, selectionEpsilon, twoWaySigma) = (noiseLevels.Domain, noiseLevels.OneWay, noiseLevels.Selection, noiseLevels.TwoWay);

        // 1. Bins and labels from noisy counts.
        var columns = new DpColumn[d];
        var cells = new int[d][];
        for (var k = 0; k < d; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (column, index) = modelled[k];
            var tableIndex = table.IndexOf(column.Name);
            var noise = root.Derive("domain:" + column.Name);
            if (column.IsNumeric)
            {
                var values = DomainDiscovery.NumericValues(table, tableIndex, column);
                var (dp, binOf, grid) = DomainDiscovery.Numeric(values, column, index, options.Bins, domainSigma, noise);
                (columns[k], cells[k]) = (dp, DomainDiscovery.NumericCells(values, dp, binOf, grid));
            }
            else
            {
                var raw = table.Column(tableIndex);
                var dp = DomainDiscovery.Categorical(raw, column, index, domainSigma, labelDelta / categoricalCount, noise);
                (columns[k], cells[k]) = (dp, DomainDiscovery.CategoricalCells(raw, dp));
            }
            progress?.Report($"{column.Name}: {columns[k].Describe()}");
        }
        var sizes = columns.Select(c => c.Cells).ToArray();

        // 2. One-way marginals.
        var oneWay = new double[d][];
        for (var k = 0; k < d; k++) oneWay[k] = Measure(Counts(cells[k], sizes[k]), oneWaySigma, root.Derive("one-way:" + columns[k].Metadata.Name));
        var total = EstimatedTotal(oneWay, oneWaySigma);
        var oneWayEstimate = oneWay.Select(m => SimplexProjection.Project(m, total).Select(x => x / total).ToArray()).ToArray();

        // Second parents only when a typical three-way cell would hold at least half its noise; else their budget goes to the tree.
        if (d > 2)
        {
            var signal = SecondParents.SignalToNoise(sizes, total, noiseLevels.ThreeWay);
            if (signal < SecondParents.MinSignalToNoise)
            {
                split = BudgetSplit.For(d, profiled, secondParents: false);
                noiseLevels = split.NoiseFor(rho, d);
                (selectionEpsilon, twoWaySigma) = (noiseLevels.Selection, noiseLevels.TwoWay);
            }
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"a typical three-way cell holds {signal:0.##} times its noise: {(split.ThreeWay > 0 ? "second parents measured" : "tree only, which takes their budget")}"));
        }

        // 3. The tree, selected privately; 4. its two-way marginals.
        cancellationToken.ThrowIfCancellationRequested();
        var edges = d > 1 ? SpanningTreeSelection.Select(cells, sizes, oneWayEstimate, total, selectionEpsilon, root.Derive("selection")) : [];
        var twoWay = edges.Select(e => Measure(PairCounts(cells[e.A], cells[e.B], sizes[e.A], sizes[e.B]), twoWaySigma,
            root.Derive($"two-way:{columns[e.A].Metadata.Name}:{columns[e.B].Metadata.Name}"))).ToArray();
        foreach (var (a, b) in edges) progress?.Report($"measured {columns[a].Metadata.Name} × {columns[b].Metadata.Name}");

        // 5. A consistent tree distribution.
        var oneWays = TreeEstimator.OneWays(sizes, oneWay, oneWaySigma, edges, twoWay, twoWaySigma, total);
        var twoWays = TreeEstimator.TwoWays(sizes, edges, twoWay, oneWays, total);
        var (order, parent, rootDistribution, conditionals) = TreeEstimator.Tree(sizes, edges, twoWays, oneWays, columns.Select(c => c.OtherCell).ToArray());

        // 6. Second parents, selected privately; 7. their three-way marginals, shrunk towards the tree's conditionals.
        var groups = columns.Select((c, k) => SecondParents.Groups(c, oneWays[k])).ToArray();
        var second = Enumerable.Repeat(-1, d).ToArray();
        if (d > 2 && split.ThreeWay > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            second = SecondParents.Select(cells, sizes, order, parent, conditionals, groups, noiseLevels.SecondSelection, root.Derive("second-parents"));
            for (var c = 0; c < d; c++)
            {
                if (second[c] < 0) continue;
                var (p, q) = (parent[c], second[c]);
                var noisy = Measure(SecondParents.Counts(cells[q], groups[q], cells[p], sizes[p], cells[c], sizes[c]), noiseLevels.ThreeWay,
                    root.Derive($"three-way:{columns[q].Metadata.Name}:{columns[p].Metadata.Name}:{columns[c].Metadata.Name}"));
                conditionals[c] = SecondParents.Conditional(noisy, total, noiseLevels.ThreeWay, sizes[p], sizes[c], conditionals[c]!, columns[c].OtherCell);
                progress?.Report($"measured {columns[q].Metadata.Name} × {columns[p].Metadata.Name} × {columns[c].Metadata.Name}");
            }
        }
        var secondGroups = second.Select(q => q >= 0 ? groups[q] : null).ToArray();

        var plan = Plan(options, rows, delta, conversionDelta, labelDelta, rho, split, d, categoricalCount,
            noiseLevels, options.Delta is null, profile);
        var generated = metadata.Columns.Where(c => !c.IsModelled).Select(PublicRecipe).ToArray();
        var missingTokens = metadata.Columns.Select(c => table.MissingTokens[table.IndexOf(c.Name)]).ToArray();
        // The audit trail keeps no hash of the data, and the exact row count only when δ already made it public.
        var provenance = ModelProvenance.Of(table, options.Seed) with
        {
            SourceDataSha256 = ModelProvenance.WithheldHash,
            SourceRows = options.Delta is null ? rows : (int)Math.Min(int.MaxValue, Math.Round(total)),
        };
        return new DpMarginalsModel(metadata, options, plan, columns, order, parent, second, secondGroups, rootDistribution, conditionals, generated,
            missingTokens, provenance);
    }

    private static double[] Counts(int[] cells, int size)
    {
        var counts = new double[size];
        foreach (var cell in cells) counts[cell]++;
        return counts;
    }

    private static double[] PairCounts(int[] a, int[] b, int sizeA, int sizeB)
    {
        var counts = new double[sizeA * sizeB];
        for (var row = 0; row < a.Length; row++) counts[a[row] * sizeB + b[row]]++;
        return counts;
    }

    /// <summary>The Gaussian mechanism: each count plus N(0, σ²) (one row changes one count by 1: L2 sensitivity 1).</summary>
    internal static double[] Measure(double[] counts, double sigma, SynthRandom noise)
    {
        var result = new double[counts.Length];
        for (var k = 0; k < counts.Length; k++) result[k] = counts[k] + sigma * noise.NextNormal();
        return result;
    }

    /// <summary>The row count from the noisy one-way totals (each a sum of its cells' noise), by inverse variance; at least 1.</summary>
    private static double EstimatedTotal(double[][] oneWay, double sigma)
    {
        double weighted = 0, weights = 0;
        foreach (var marginal in oneWay)
        {
            var weight = 1 / (marginal.Length * sigma * sigma);
            weighted += weight * marginal.Sum();
            weights += weight;
        }
        return Math.Max(1, weighted / weights);
    }

    /// <summary>Keys, text and personal data are generated from recipes that read nothing from the data.</summary>
    private static GeneratedColumnSpec PublicRecipe(ColumnMetadata column) => column switch
    {
        { Pii: not PiiKind.None } => new GeneratedColumnSpec { Name = column.Name, Generator = GeneratorKind.Fake, Pii = column.Pii },
        { Kind: ColumnKind.Text } => new GeneratedColumnSpec
        {
            Name = column.Name, Generator = GeneratorKind.Lorem, WordCountQuantiles = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12],
        },
        _ => new GeneratedColumnSpec { Name = column.Name, Generator = GeneratorKind.Sequence, Start = 1 },
    };

    internal static PrivacyPlan Plan(DpMarginalsOptions options, int rows, double delta, double conversionDelta, double labelDelta, double rho,
        BudgetSplit split, int d, int categorical, Noise noise, bool rowsPublic, PrivateProfile? profile = null)
    {
        var pairs = d - 1;
        var spent = profile is null ? ZcdpBudget.Zero : ZcdpBudget.Zero.WithGaussian(profile.NoiseStandardDeviation, count: profile.UnitMeasurements);
        spent = spent.WithGaussian(noise.Domain, count: d).WithGaussian(noise.OneWay, count: d);
        if (pairs > 0) spent = spent.WithExponentialMechanism(noise.Selection, pairs).WithGaussian(noise.TwoWay, count: pairs);
        var triples = d - 2;
        if (triples > 0 && split.ThreeWay > 0)
            spent = spent.WithExponentialMechanism(noise.SecondSelection, triples).WithGaussian(noise.ThreeWay, count: triples);
        var steps = new List<PrivacyPlanStep>();
        if (profile is not null) steps.Add(profile.PlanStep(split.Profile));
        steps.AddRange(
        [
            new()
            {
                Name = "bins and labels", Share = split.Domain, Rho = split.Domain * rho, NoiseStandardDeviation = noise.Domain, Measurements = d,
                Delta = labelDelta,
                Detail = $"noisy counts on each numeric column's public grid (kept cells merged into about {options.Bins} bins) and of each " +
                    $"categorical column's labels ({categorical} columns; a label is released when its noisy count clears 1 + σ·z(δ/{Math.Max(categorical, 1)}))",
            },
            new()
            {
                Name = "one-way marginals", Share = split.OneWay, Rho = split.OneWay * rho, NoiseStandardDeviation = noise.OneWay, Measurements = d,
                Detail = "Gaussian measurement of every column's counts over its bins or labels (with an other and a missing cell)",
            },
        ]);
        if (pairs > 0)
        {
            steps.Add(new()
            {
                Name = "tree selection", Share = split.Selection, Rho = split.Selection * rho, SelectionEpsilon = noise.Selection, Measurements = pairs,
                Detail = "exponential mechanism (sensitivity 1) over column pairs, scored by the L1 error of the independent estimate, one pick per tree edge",
            });
            steps.Add(new()
            {
                Name = "two-way marginals", Share = split.TwoWay, Rho = split.TwoWay * rho, NoiseStandardDeviation = noise.TwoWay, Measurements = pairs,
                Detail = "Gaussian measurement of the counts of each selected pair of columns",
            });
        }
        if (triples > 0 && split.ThreeWay > 0)
        {
            steps.Add(new()
            {
                Name = "second-parent selection", Share = split.SecondSelection, Rho = split.SecondSelection * rho, SelectionEpsilon = noise.SecondSelection,
                Measurements = triples,
                Detail = "exponential mechanism (sensitivity 2) over the columns sampled earlier, scored by the L1 error of the tree's prediction of the three-way counts",
            });
            steps.Add(new()
            {
                Name = "three-way marginals", Share = split.ThreeWay, Rho = split.ThreeWay * rho, NoiseStandardDeviation = noise.ThreeWay, Measurements = triples,
                Detail = $"Gaussian measurement of the counts of (second parent in at most {SecondParents.MaxGroups} groups, tree parent, column) for each column with a second parent",
            });
        }
        var publicFacts = new List<string>
        {
            profile is null
                ? "the column metadata as given (names, kinds, formats, which columns are keys or personal data): it must be written without looking at the data, or be accepted as public"
                : "the column names (the CSV header); the kinds, formats, keys and personal data were bought with the budget (column kinds)",
            "the token the CSV writes for a missing value",
            "each numeric column's fine grid (fixed by its kind)",
            "the training file's name (the audit trail keeps no hash of its content)",
        };
        if (options.NoiseSeed is { } noiseSeed)
            publicFacts.Add($"the noise and the selections: drawn from the fixed noise seed {noiseSeed.ToString(CultureInfo.InvariantCulture)}, so the guarantee does not hold against anyone who knows it (a setting for reproducible tests only)");
        if (rowsPublic) publicFacts.Add($"the row count ({rows.ToString(CultureInfo.InvariantCulture)}), which sets the default δ = 1/(n·√n)");
        return new PrivacyPlan
        {
            Model = ModelKinds.DpMarginals,
            Accounting = "zCDP",
            Epsilon = spent.Spent(conversionDelta).Epsilon,
            Delta = delta,
            TargetEpsilon = options.Epsilon,
            Rho = spent.Rho,
            Neighbours = "tables that differ by adding or removing one row",
            Public = publicFacts,
            Steps = steps,
        };
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
