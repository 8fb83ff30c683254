using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Models;
using SynthFixtures.Models.Relational;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms;

namespace SynthFixtures.Modeling.Relational;

/// <summary>
/// Learns a <see cref="RelationalModel"/>: per table, a model of the chosen kind trained through its registered trainer
/// on the table's own columns, plus one count column per foreign key into the table (children per row, HMA-style, so the
/// count is learned jointly with the row's columns), plus the primary parent's modelled columns as context (so child
/// columns are learned conditionally on the parent's). Keys are not learned: their plans say how to generate them.
/// </summary>
internal sealed class RelationalFitter(ModelTrainers trainers, ModelKind kind, SettingValues settings, long seed, bool conditionOnParents)
{
    public RelationalModel Fit(RelationalDataset data, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        var metadata = data.Metadata;
        var keys = metadata.ForeignKeys;
        var links = keys.Select(k => KeyLinks.Of(data, k)).ToArray();
        var profiles = metadata.Tables.ToDictionary(t => t.Name, t => t.Profile ?? TableProfiler.Profile(data[t.Name]), StringComparer.Ordinal);
        var plans = new List<RelationalTablePlan>();
        var models = new Dictionary<string, SynthModel>(StringComparer.Ordinal);
        var modelColumns = new Dictionary<string, IReadOnlyList<ColumnMetadata>>(StringComparer.Ordinal);
        var trainingCells = new Dictionary<string, Dictionary<string, string?[]>>(StringComparer.Ordinal);
        var root = new SynthRandom(seed);
        var order = RelationalOrder.Of(metadata);
        foreach (var table in order.Tables.Select(metadata.Table))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = data[table.Name];
            var profile = profiles[table.Name];
            var primary = PrimaryKeyOf(metadata, table, links, data, order);
            var childKeyColumns = metadata.KeysFrom(table.Name).SelectMany(k => k.ChildColumns).ToHashSet(StringComparer.Ordinal);
            var generatedKeys = table.PrimaryKey.Concat(metadata.KeysTo(table.Name).SelectMany(k => k.ParentColumns))
                .Where(c => !childKeyColumns.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
            var sumColumns = metadata.SumRules.Where(r => r.Key.ParentTable == table.Name).Select(r => r.Column).ToHashSet(StringComparer.Ordinal);
            var own = table.Columns.Select(c => c.Name)
                .Where(c => !childKeyColumns.Contains(c) && !generatedKeys.Contains(c) && !sumColumns.Contains(c)).ToList();
            var names = new HashSet<string>(table.Columns.Select(c => c.Name), StringComparer.Ordinal);

            var columns = new List<(ColumnMetadata Meta, string?[] Cells)>();
            foreach (var name in own)
                columns.Add((profile.Find(name) ?? throw new SynthDataException($"The profile of '{table.Name}' has no column '{name}'.",
                    hint: "Give the table a profile that lists every column, or none."), rows.Column(name).ToArray()));
            var counts = new List<CountColumn>();
            for (var k = 0; k < keys.Count; k++)
            {
                if (keys[k].ParentTable != table.Name) continue;
                var name = Unique($"#{keys[k].ChildTable}({string.Join(", ", keys[k].ChildColumns)})", names);
                counts.Add(new CountColumn(k, name));
                columns.Add((new ColumnMetadata { Name = name, Kind = ColumnKind.Integer, Evidence = $"children per row through {keys[k]}" },
                    links[k].Children.Select(c => (string?)c.ToString(CultureInfo.InvariantCulture)).ToArray()));
            }
            var context = new List<ContextColumn>();
            if (conditionOnParents && primary is { } p && modelColumns.TryGetValue(keys[p].ParentTable, out var parentColumns))
            {
                var parentRows = trainingCells[keys[p].ParentTable];
                foreach (var parentColumn in parentColumns)
                {
                    var name = Unique($"{keys[p].ParentTable}.{parentColumn.Name}", names);
                    context.Add(new ContextColumn(parentColumn.Name, name));
                    var source = parentRows[parentColumn.Name];
                    columns.Add((parentColumn with { Name = name }, links[p].ParentRowOf.Select(r => r < 0 ? null : source[r]).ToArray()));
                }
            }
            var ownAndCounts = own.Count + counts.Count;
            var plan = new RelationalTablePlan
            {
                Table = table.Name,
                SourceRows = rows.RowCount,
                PrimaryKey = primary,
                NullPrimaryRows = primary is { } pk ? links[pk].ParentRowOf.Count(r => r < 0) : 0,
                KeyRecipes = generatedKeys.Select(c => GeneratedColumnFitter.Fit(rows, rows.IndexOf(c), new ColumnMetadata { Name = c, Kind = ColumnKind.Identifier })
                    with { MissingProbability = 0 }).ToList(),
                CountColumns = counts,
                ContextColumns = context,
                SecondaryKeys = SecondaryKeys(metadata, table, primary, links, order),
                CopiedColumns = conditionOnParents ? ParentCopyFinder.Find(data, table, own, FilledKeys(metadata, table, primary, order), links, profiles) : [],
                SelfKey = metadata.KeysFrom(table.Name).Select(k => Index(keys, k)).Where(k => keys[k].IsSelfReference)
                    .Select(k => new SelfKeyPlan(k, links[k].NullRate)).FirstOrDefault(),
                HasModel = ownAndCounts > 0 && rows.RowCount > 0,
            };
            plans.Add(plan);
            if (!plan.HasModel) continue;
            // What children may see of this table: its modelled columns and its counts (not keys, text or personal data).
            modelColumns[table.Name] = columns.Take(ownAndCounts).Select(c => c.Meta).Where(c => c.IsModelled).ToList();
            trainingCells[table.Name] = columns.Take(ownAndCounts).ToDictionary(c => c.Meta.Name, c => c.Cells, StringComparer.Ordinal);
            var trainingTable = new Table(columns.Select(c => c.Meta.Name).ToArray(), columns.Select(c => c.Cells).ToArray(), sourcePath: rows.SourcePath);
            var trainingMetadata = new TableMetadata { Columns = columns.Select(c => c.Meta).ToList() };
            progress?.Report(new TrainingUpdate(TrainingStage.Fitting, string.Create(CultureInfo.InvariantCulture,
                $"{table.Name}: {kind.Name} on {trainingTable.RowCount:N0} rows × {own.Count} columns + {counts.Count} child counts + {context.Count} parent columns{Copies(plan, keys)}")));
            var checkedTable = TableCheck.Prepare(trainingMetadata, trainingTable);
            var trainer = trainers.For(kind);
            models[table.Name] = trainer.Train(new TrainingInput(checkedTable.Table, checkedTable.Metadata, root.Derive("table:" + table.Name).Seed, settings),
                progress, cancellationToken);
        }
        var learned = metadata with { Tables = metadata.Tables.Select(t => t with { Profile = profiles[t.Name] }).ToList() };
        return new RelationalModel(learned, kind.Name, seed, plans, models);
    }

    /// <summary>
    /// The key whose parent gives a child its count and context: a sum rule's key if one sums over this table; otherwise
    /// the key whose parents most often have children (every invoice has lines, not every track is bought), then the one
    /// with the most parent rows (an album says more about a track than its media type), then the first declared.
    /// </summary>
    private static int? PrimaryKeyOf(RelationalMetadata metadata, RelationalTable table, KeyLinks[] links, RelationalDataset data, RelationalOrder order)
    {
        var candidates = metadata.KeysFrom(table.Name).Where(k => !k.IsSelfReference && !order.IsDeferred(k)).Select(k => Index(metadata.ForeignKeys, k)).ToList();
        if (candidates.Count == 0) return null;
        foreach (var rule in metadata.SumRules.Where(r => r.Key.ChildTable == table.Name))
            if (candidates.FirstOrDefault(c => ForeignKeyIndex.SameJoin(metadata.ForeignKeys[c], rule.Key), -1) is var ruled and >= 0) return ruled;
        return candidates.OrderByDescending(c => links[c].Coverage).ThenByDescending(c => data[metadata.ForeignKeys[c].ParentTable].RowCount)
            .ThenBy(c => c).First();
    }

    // The keys whose parent row is known while the table is generated: the primary one first, then the others in
    // declared order; not a self-reference (its parent is the row's own table) nor a key filled after every table.
    private static List<int> FilledKeys(RelationalMetadata metadata, RelationalTable table, int? primary, RelationalOrder order)
    {
        var others = metadata.KeysFrom(table.Name).Where(k => !k.IsSelfReference && !order.IsDeferred(k)).Select(k => Index(metadata.ForeignKeys, k))
            .Where(k => k != primary);
        return (primary is { } p ? others.Prepend(p) : others).ToList();
    }

    private static List<SecondaryKeyPlan> SecondaryKeys(RelationalMetadata metadata, RelationalTable table, int? primary, KeyLinks[] links, RelationalOrder order)
    {
        var keys = metadata.ForeignKeys;
        var secondaries = metadata.KeysFrom(table.Name).Select(k => Index(keys, k)).Where(k => k != primary && !keys[k].IsSelfReference).ToList();
        var linked = LinkedKeys(table, primary is { } p ? keys[p] : null, secondaries.Where(k => !order.IsDeferred(keys[k])).Select(k => (k, keys[k])));
        return secondaries.Select(k => new SecondaryKeyPlan(k, links[k].NullRate, linked.Contains(k), order.IsDeferred(keys[k]))).ToList();
    }

    /// <summary>
    /// A link table's other keys: when the primary key is made of the primary parent's key and other foreign keys (two in
    /// <c>PlaylistTrack</c>, three or more in a link between three tables), those keys' columns together may not repeat
    /// among one primary parent's rows. Empty when the table is no such link.
    /// </summary>
    private static HashSet<int> LinkedKeys(RelationalTable table, ForeignKey? primary, IEnumerable<(int Index, ForeignKey Key)> others)
    {
        var none = new HashSet<int>();
        if (primary is null || table.PrimaryKey.Count == 0 || !primary.ChildColumns.All(table.PrimaryKey.Contains)) return none;
        var inKey = others.Where(o => o.Key.ChildColumns.All(table.PrimaryKey.Contains)).ToList();
        var covered = primary.ChildColumns.Concat(inKey.SelectMany(o => o.Key.ChildColumns)).ToHashSet(StringComparer.Ordinal);
        return inKey.Count > 0 && table.PrimaryKey.All(covered.Contains) ? inKey.Select(o => o.Index).ToHashSet() : none;
    }

    private static int Index(IReadOnlyList<ForeignKey> keys, ForeignKey key)
    {
        for (var i = 0; i < keys.Count; i++)
            if (ReferenceEquals(keys[i], key) || ForeignKeyIndex.SameJoin(keys[i], key)) return i;
        throw new InvalidOperationException($"The key {key} is not among the metadata's.");
    }

    private static string Copies(RelationalTablePlan plan, IReadOnlyList<ForeignKey> keys) => plan.CopiedColumns.Count == 0 ? ""
        : "; copied from parents: " + string.Join(", ", plan.CopiedColumns.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Column} = {keys[c.ForeignKey].ParentTable}.{c.ParentColumn} ({c.Share:P1})")));

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++) candidate = $"{name} ({n})";
        return candidate;
    }
}
