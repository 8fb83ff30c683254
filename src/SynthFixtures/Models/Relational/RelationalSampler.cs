using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// One sample of a <see cref="RelationalModel"/>: the tables in generation order, each drawn from its model (child rows
/// given their generated parent's columns), its keys generated and its foreign keys pointing at generated parents; then
/// the sum rules computed from the generated children. Every random choice comes from a stream derived from the seed
/// and the table or key it serves, and the per-table models are byte-identical for any thread count, so the database is.
/// </summary>
internal sealed class RelationalSampler(RelationalModel model, double scale, long seed, SamplingOptions options, CancellationToken cancellationToken)
{
    private readonly SynthRandom _root = new(seed);
    private readonly Dictionary<string, GeneratedTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int[]> _parentRowOf = [];

    public RelationalDataset Run()
    {
        foreach (var plan in model.Plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Generate(plan);
        }
        // Keys that close a cycle between tables: their parents exist only now.
        foreach (var plan in model.Plans)
            foreach (var late in plan.SecondaryKeys.Where(k => k.AfterAllTables))
            {
                var table = model.Metadata.Table(plan.Table);
                var generated = _tables[plan.Table];
                var columnIndex = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
                FillKey(model.Metadata.ForeignKeys[late.ForeignKey], late.ForeignKey, DrawSecondary(late, null, generated.RowCount), columnIndex,
                    (column, values) => generated.Cells[column] = values);
            }
        var position = model.Plans.Select((p, i) => (p.Table, i)).ToDictionary(p => p.Table, p => p.i, StringComparer.Ordinal);
        // Deepest children first, so a sum over sums (a rule whose factor is another rule's column) sees finished values.
        foreach (var rule in model.Metadata.SumRules.OrderByDescending(r => position[r.Key.ChildTable]))
            SumRuleWriter.Apply(rule, ForeignKeyIndex.Of(model.Metadata, rule.Key), _tables[rule.Key.ChildTable].Cells,
                _tables[rule.Key.ParentTable].Cells, _tables[rule.Key.ParentTable].RowCount, model.Metadata, _parentRowOf);
        var tables = model.Metadata.Tables.ToDictionary(t => t.Name, t => new Table(t.Columns.Select(c => c.Name).ToArray(), _tables[t.Name].Cells),
            StringComparer.Ordinal);
        return new RelationalDataset(model.Metadata, tables);
    }

    private void Generate(RelationalTablePlan plan)
    {
        var table = model.Metadata.Table(plan.Table);
        var keys = model.Metadata.ForeignKeys;
        var (rows, parentRows) = plan.PrimaryKey is { } primary ? RowsUnder(plan, table, primary) : (RootRows(plan.SourceRows), null);
        var modelRows = DrawModelRows(plan, rows, parentRows);

        var columnIndex = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        var cells = new string?[table.Columns.Count][];
        var filled = new bool[cells.Length];
        foreach (var spec in plan.KeyRecipes)
        {
            var generator = new ColumnValueGenerator(spec with { MissingProbability = 0 }, _root.Derive($"key:{plan.Table}:{spec.Name}"));
            Fill(columnIndex[spec.Name], generator.Generate(rows));
        }
        if (plan.PrimaryKey is { } p) FillKey(keys[p], p, parentRows!, columnIndex, Fill);
        var generated = new GeneratedTable(cells, rows, new Dictionary<int, int[]>(), modelRows);
        if (modelRows is not null)
        {
            foreach (var count in plan.CountColumns) generated.Counts[count.ForeignKey] = Counts(modelRows.Column(count.Column));
            for (var c = 0; c < cells.Length; c++)
                if (!filled[c] && modelRows.HasColumn(table.Columns[c].Name)) Fill(c, modelRows.Column(table.Columns[c].Name).ToArray());
        }
        _tables[plan.Table] = generated;
        var linked = plan.SecondaryKeys.Where(k => k.DistinctPerPrimaryParent && !k.AfterAllTables).ToList();
        if (linked.Count > 1 && parentRows is not null)
        {
            // A link over three or more tables: the other keys are drawn together so that their combination never repeats.
            var tuples = DrawDistinctTuples(linked, parentRows, rows);
            for (var k = 0; k < linked.Count; k++) FillKey(keys[linked[k].ForeignKey], linked[k].ForeignKey, tuples[k], columnIndex, Fill);
        }
        foreach (var secondary in plan.SecondaryKeys.Where(k => !k.AfterAllTables && !(linked.Count > 1 && parentRows is not null && linked.Contains(k))))
            FillKey(keys[secondary.ForeignKey], secondary.ForeignKey, DrawSecondary(secondary, parentRows, rows), columnIndex, Fill);
        if (plan.SelfKey is { } self)
            FillKey(keys[self.ForeignKey], self.ForeignKey, DrawForest(self, table, generated), columnIndex, Fill);
        CopyFromParents(plan, cells, columnIndex);
        // Whatever is left is a sum rule's column (written once the children exist) or a column of a table without a model.
        for (var c = 0; c < cells.Length; c++) cells[c] ??= new string?[rows];
        FitDeclaredLengths(plan, table, cells);
        return;

        void Fill(int column, string?[] values)
        {
            cells[column] = values;
            filled[column] = true;
        }
    }

    /// <summary>
    /// Columns that repeat a parent's column in the source take the generated parent's cell, each row with the source's
    /// share of agreement (drawn from its own stream); the other rows, and rows without a parent, keep the model's draw.
    /// </summary>
    private void CopyFromParents(RelationalTablePlan plan, string?[][] cells, Dictionary<string, int> columnIndex)
    {
        foreach (var copy in plan.CopiedColumns)
        {
            if (!_parentRowOf.TryGetValue(copy.ForeignKey, out var parentRows) || !columnIndex.TryGetValue(copy.Column, out var column)) continue;
            var key = model.Metadata.ForeignKeys[copy.ForeignKey];
            var parentColumn = model.Metadata.Table(key.ParentTable).Columns.Select(c => c.Name).ToList().IndexOf(copy.ParentColumn);
            if (parentColumn < 0) continue;
            var source = _tables[key.ParentTable].Cells[parentColumn];
            var target = cells[column] ?? new string?[parentRows.Length];
            var rate = CopyRate(copy.Share, target, source, parentRows);
            var random = rate >= 1 ? null : _root.Derive($"copy:{plan.Table}:{copy.Column}");
            for (var i = 0; i < target.Length; i++)
            {
                // The draw is made for every row, so which rows copy does not depend on which have a parent.
                var copies = random is null || random.NextDouble() < rate;
                if (copies && parentRows[i] >= 0) target[i] = source[parentRows[i]];
            }
            cells[column] = target;
        }
    }

    /// <summary>
    /// The share of rows to copy so that, with the model's draws that already agree with their parent (share m), the rows
    /// agree at the source's share s in expectation: q + (1 − q)·m = s.
    /// </summary>
    private static double CopyRate(double share, string?[] drawn, string?[] parentCells, int[] parentRows)
    {
        if (share >= 1) return 1;
        int linked = 0, agree = 0;
        for (var i = 0; i < drawn.Length; i++)
        {
            if (parentRows[i] < 0) continue;
            linked++;
            if (SameCell.Equal(drawn[i], parentCells[parentRows[i]])) agree++;
        }
        var model = linked == 0 ? 0 : agree / (double)linked;
        return model >= share ? 0 : (share - model) / (1 - model);
    }

    /// <summary>Generated cells fit the character length their column declares, so the database can be written into its schema.</summary>
    private void FitDeclaredLengths(RelationalTablePlan plan, Metadata.Relational.RelationalTable table, string?[][] cells)
    {
        var generated = (model.ModelOf(plan.Table)?.GeneratedSpecs ?? []).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var keyColumns = new HashSet<string>(table.PrimaryKey, StringComparer.Ordinal);
        keyColumns.UnionWith(plan.KeyRecipes.Select(k => k.Name));
        keyColumns.UnionWith(model.Metadata.ForeignKeys.Where(k => k.ChildTable == plan.Table).SelectMany(k => k.ChildColumns));
        DeclaredLengthFit.Apply(table, cells, generated, keyColumns, _root);
    }

    private (int Rows, int[] ParentRows) RowsUnder(RelationalTablePlan plan, Metadata.Relational.RelationalTable table, int primary)
    {
        var key = model.Metadata.ForeignKeys[primary];
        var parent = _tables[key.ParentTable];
        var counts = (int[])CountsOf(parent, primary).Clone();
        // A child whose primary key is the foreign key itself (a one-to-one extension) has at most one row per parent;
        // a link table has at most as many rows per parent as there are distinct partners.
        var cap = table.PrimaryKey.Count > 0 && table.PrimaryKey.All(key.ChildColumns.Contains) ? 1 : int.MaxValue;
        // A pair (or longer combination) of partners never repeats: at most as many rows as combinations.
        long combinations = 1;
        foreach (var secondary in plan.SecondaryKeys.Where(s => s.DistinctPerPrimaryParent))
            combinations = Math.Min(int.MaxValue, combinations * _tables[model.Metadata.ForeignKeys[secondary.ForeignKey].ParentTable].RowCount);
        if (plan.SecondaryKeys.Any(s => s.DistinctPerPrimaryParent)) cap = (int)Math.Min(cap, combinations);
        long total = 0;
        for (var i = 0; i < counts.Length; i++) total += counts[i] = Math.Min(counts[i], cap);
        var nullRows = (long)Math.Round(scale * plan.NullPrimaryRows, MidpointRounding.AwayFromZero);
        if (total + nullRows > int.MaxValue / 2)
            throw new SynthDataException($"At this scale the table '{plan.Table}' would have {total + nullRows:N0} rows, more than a sample can hold.",
                hint: "Use a smaller scale.");
        var parentRows = new int[total + nullRows];
        var row = 0;
        for (var i = 0; i < counts.Length; i++)
            for (var k = 0; k < counts[i]; k++) parentRows[row++] = i;
        for (; row < parentRows.Length; row++) parentRows[row] = -1;
        return (parentRows.Length, parentRows);
    }

    private int RootRows(int sourceRows)
    {
        if (sourceRows == 0) return 0;
        var rows = Math.Round(scale * sourceRows, MidpointRounding.AwayFromZero);
        if (rows > int.MaxValue / 2)
            throw new SynthDataException($"At scale {scale} a table of {sourceRows:N0} rows would have {rows:N0}, more than a sample can hold.", hint: "Use a smaller scale.");
        // A table that had rows keeps at least one, so the keys that reference it have something to point at.
        return Math.Max(1, (int)rows);
    }

    private Table? DrawModelRows(RelationalTablePlan plan, int rows, int[]? parentRows)
    {
        if (model.ModelOf(plan.Table) is not { } tableModel) return null;
        var tableSeed = _root.Derive("table:" + plan.Table).Seed;
        if (plan.ContextColumns.Count == 0 || parentRows is null)
            return tableModel.Sample(rows, tableSeed, options: options, cancellationToken: cancellationToken).ToTable();
        var parent = _tables[model.Metadata.ForeignKeys[plan.PrimaryKey!.Value].ParentTable].ModelRows!;
        var linked = parentRows.Count(r => r >= 0);
        var given = new string?[plan.ContextColumns.Count][];
        for (var c = 0; c < given.Length; c++)
        {
            var source = parent.Column(plan.ContextColumns[c].ParentColumn);
            given[c] = new string?[linked];
            for (var i = 0; i < linked; i++) given[c][i] = source[parentRows[i]];
        }
        var givenTable = new Table(plan.ContextColumns.Select(c => c.Column).ToArray(), given);
        var drawn = tableModel.SampleGiven(givenTable, tableSeed, options, cancellationToken).ToTable();
        if (linked == rows) return drawn;
        // Rows that belong to no parent (a null key in the source) have no context to be given: drawn from the model as a whole.
        var orphans = tableModel.Sample(rows - linked, _root.Derive("table-without-parent:" + plan.Table).Seed, options: options,
            cancellationToken: cancellationToken).ToTable();
        return Concatenate(drawn, orphans);
    }

    private static Table Concatenate(Table first, Table second) =>
        new(first.ColumnNames, first.ColumnNames.Select(name => first.Column(name).Concat(second.Column(name)).ToArray()).ToArray(), first.MissingTokens);

    private int[] DrawSecondary(SecondaryKeyPlan secondary, int[]? parentRows, int rows)
    {
        var key = model.Metadata.ForeignKeys[secondary.ForeignKey];
        var parent = _tables[key.ParentTable];
        var random = _root.Derive($"assign:{secondary.ForeignKey}");
        var chosen = new int[rows];
        if (parent.RowCount == 0)
        {
            if (rows > 0 && secondary.NullRate <= 0)
                throw new SynthDataException($"The key {key} must point at a row of '{key.ParentTable}', but none was generated.", hint: "Use a larger scale.");
            Array.Fill(chosen, -1);
            return chosen;
        }
        var draw = new PopularityDraw(CountsOf(parent, secondary.ForeignKey));
        if (secondary.DistinctPerPrimaryParent && parentRows is not null)
        {
            // One group of rows per primary parent (consecutive by construction), each given distinct partners.
            for (var start = 0; start < rows;)
            {
                var end = start;
                while (end < rows && parentRows[end] == parentRows[start]) end++;
                var partners = draw.Distinct(random, end - start);
                for (var i = start; i < end; i++) chosen[i] = partners[i - start];
                start = end;
            }
            return chosen;
        }
        for (var i = 0; i < rows; i++)
            chosen[i] = secondary.NullRate > 0 && random.NextDouble() < secondary.NullRate ? -1 : draw.Next(random);
        return chosen;
    }

    /// <summary>
    /// Parents through several keys at once, for the rows of each primary parent (consecutive by construction): each key's
    /// parent drawn by its popularity, a combination already taken by the group drawn again (64 tries), then the first
    /// free combination after the last draw. The group's size is capped at the number of combinations, so one is free.
    /// </summary>
    private int[][] DrawDistinctTuples(IReadOnlyList<SecondaryKeyPlan> linked, int[] parentRows, int rows)
    {
        var keys = model.Metadata.ForeignKeys;
        var random = _root.Derive("assign:" + string.Join(",", linked.Select(l => l.ForeignKey)));
        var draws = linked.Select(l => _tables[keys[l.ForeignKey].ParentTable]).Select((parent, k) =>
        {
            if (parent.RowCount == 0)
                throw new SynthDataException($"The key {keys[linked[k].ForeignKey]} must point at a row of '{keys[linked[k].ForeignKey].ParentTable}', but none was generated.",
                    hint: "Use a larger scale.");
            return new PopularityDraw(CountsOf(parent, linked[k].ForeignKey));
        }).ToArray();
        var chosen = linked.Select(_ => new int[rows]).ToArray();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var tuple = new int[linked.Count];
        for (var row = 0; row < rows; row++)
        {
            if (row == 0 || parentRows[row] != parentRows[row - 1]) taken.Clear();
            if (taken.Count >= draws.Aggregate(1L, (product, draw) => Math.Min(long.MaxValue / 2, product * draw.Count)))
                throw new SynthDataException($"The table '{keys[linked[0].ForeignKey].ChildTable}' needs more distinct combinations of its linked keys than its parents allow.",
                    hint: "Use a larger scale.");
            var fresh = false;
            for (var attempt = 0; attempt < 64 && !fresh; attempt++)
            {
                for (var k = 0; k < tuple.Length; k++) tuple[k] = draws[k].Next(random);
                fresh = taken.Add(string.Join(',', tuple));
            }
            while (!fresh)
            {
                // Count up through the combinations like an odometer until a free one turns up.
                for (var k = tuple.Length - 1; k >= 0; k--)
                {
                    tuple[k] = (tuple[k] + 1) % draws[k].Count;
                    if (tuple[k] != 0) break;
                }
                fresh = taken.Add(string.Join(',', tuple));
            }
            for (var k = 0; k < tuple.Length; k++) chosen[k][row] = tuple[k];
        }
        return chosen;
    }

    /// <summary>
    /// Each row references a row earlier in an order where rows with more learned children come first, or none: a forest,
    /// so no cycle. The first row is a root (it references itself only when the column cannot be null and the source had no root);
    /// the others are roots at the rate that gives the source's share of roots overall.
    /// </summary>
    private int[] DrawForest(SelfKeyPlan self, Metadata.Relational.RelationalTable table, GeneratedTable generated)
    {
        var key = model.Metadata.ForeignKeys[self.ForeignKey];
        var rows = generated.RowCount;
        var weights = generated.Counts.TryGetValue(self.ForeignKey, out var counts) ? counts : new int[rows];
        var order = Enumerable.Range(0, rows).OrderByDescending(i => weights[i]).ThenBy(i => i).ToArray();
        var random = _root.Derive($"assign:{self.ForeignKey}");
        var references = new int[rows];
        var nullable = key.ChildColumns.All(c => table.Columns.First(s => s.Name == c).Nullable);
        var rootRate = rows <= 1 ? 0 : Math.Clamp((self.NullRate * rows - 1) / (rows - 1), 0, 1);
        var cumulative = new double[rows];
        double total = 0;
        for (var k = 0; k < rows; k++)
        {
            var row = order[k];
            if (k == 0) references[row] = nullable || self.NullRate > 0 ? -1 : row;
            else if (nullable && random.NextDouble() < rootRate) references[row] = -1;
            else if (total <= 0) references[row] = order[random.NextInt(k)];
            else
            {
                var index = Array.BinarySearch(cumulative, 0, k, random.NextDouble() * total);
                index = index >= 0 ? index + 1 : ~index;
                references[row] = order[Math.Min(index, k - 1)];
            }
            cumulative[k] = total += Math.Max(0, weights[row]);
        }
        return references;
    }

    /// <summary>Writes the key's columns from the referenced parent rows (-1: null) and remembers which parent each row has.</summary>
    private void FillKey(ForeignKey key, int index, int[] parentRows, Dictionary<string, int> columnIndex, Action<int, string?[]> fill)
    {
        var parentTable = model.Metadata.Table(key.ParentTable);
        // A self-reference reads the table's own key columns, filled before it.
        var parentCells = _tables[key.ParentTable].Cells;
        for (var c = 0; c < key.ChildColumns.Count; c++)
        {
            var parentColumn = parentTable.Columns.Select(s => s.Name).ToList().IndexOf(key.ParentColumns[c]);
            var source = parentCells[parentColumn];
            var values = new string?[parentRows.Length];
            for (var i = 0; i < values.Length; i++) values[i] = parentRows[i] < 0 ? null : source[parentRows[i]];
            fill(columnIndex[key.ChildColumns[c]], values);
        }
        _parentRowOf[index] = parentRows;
    }

    // A parent without a model (its source table was empty) has no learned counts: none of its rows has children.
    private static int[] CountsOf(GeneratedTable parent, int key) => parent.Counts.TryGetValue(key, out var counts) ? counts : new int[parent.RowCount];

    private static int[] Counts(IReadOnlyList<string?> cells)
    {
        var counts = new int[cells.Count];
        for (var i = 0; i < counts.Length; i++)
            counts[i] = cells[i] is { } cell && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? (int)Math.Min(Math.Round(value), 1_000_000_000) : 0;
        return counts;
    }

    private sealed record GeneratedTable(string?[][] Cells, int RowCount, Dictionary<int, int[]> Counts, Table? ModelRows);
}
