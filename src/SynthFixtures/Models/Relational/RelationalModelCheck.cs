using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Models.Relational;

/// <summary>What makes a set of plans and models unusable, found before sampling (an artifact is checked the same way).</summary>
internal static class RelationalModelCheck
{
    /// <summary>The first problem, or <c>null</c>.</summary>
    public static string? Problem(RelationalMetadata metadata, IReadOnlyList<RelationalTablePlan> plans, IReadOnlyDictionary<string, SynthModel> models)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var keys = metadata.ForeignKeys;
        foreach (var plan in plans)
        {
            if (metadata.Tables.All(t => t.Name != plan.Table)) return $"The plan of '{plan.Table}' names no table of the metadata.";
            if (!done.Add(plan.Table)) return $"The table '{plan.Table}' is planned twice.";
            var indexes = plan.CountColumns.Select(c => c.ForeignKey).Concat(plan.SecondaryKeys.Select(s => s.ForeignKey));
            if (plan.PrimaryKey is { } p) indexes = indexes.Append(p);
            if (plan.SelfKey is { } s) indexes = indexes.Append(s.ForeignKey);
            indexes = indexes.Concat(plan.CopiedColumns.Select(c => c.ForeignKey));
            foreach (var index in indexes)
                if (index < 0 || index >= keys.Count) return $"The plan of '{plan.Table}' names foreign key {index}, but there are {keys.Count}.";
            foreach (var copy in plan.CopiedColumns)
                if (keys[copy.ForeignKey].ChildTable != plan.Table || !HasColumn(metadata, plan.Table, copy.Column)
                    || !HasColumn(metadata, keys[copy.ForeignKey].ParentTable, copy.ParentColumn))
                    return $"The plan of '{plan.Table}' copies '{copy.Column}' from '{copy.ParentColumn}' through {keys[copy.ForeignKey]}, which do not fit the metadata.";
            var late = plan.SecondaryKeys.Where(k => k.AfterAllTables).Select(k => keys[k.ForeignKey]).ToList();
            foreach (var key in metadata.KeysFrom(plan.Table).Where(k => !k.IsSelfReference && !late.Any(l => ForeignKeyIndex.SameJoin(l, k))))
                if (!done.Contains(key.ParentTable)) return $"The table '{plan.Table}' is planned before its parent '{key.ParentTable}'.";
            if (plan.HasModel != models.ContainsKey(plan.Table))
                return plan.HasModel ? $"The table '{plan.Table}' has no model." : $"The table '{plan.Table}' has a model its plan does not use.";
            if (models.TryGetValue(plan.Table, out var model))
            {
                var columns = plan.CountColumns.Select(c => c.Column).Concat(plan.ContextColumns.Select(c => c.Column));
                if (columns.FirstOrDefault(c => model.Metadata.Find(c) is null) is { } missing)
                    return $"The model of '{plan.Table}' has no column '{missing}'.";
            }
        }
        if (metadata.Tables.FirstOrDefault(t => !done.Contains(t.Name)) is { } unplanned) return $"The table '{unplanned.Name}' has no plan.";
        if (models.Keys.FirstOrDefault(name => !done.Contains(name)) is { } extra) return $"A model is given for '{extra}', which is not a table.";
        return null;
    }

    private static bool HasColumn(RelationalMetadata metadata, string table, string column) =>
        metadata.Tables.FirstOrDefault(t => t.Name == table)?.Columns.Any(c => c.Name == column) == true;
}
