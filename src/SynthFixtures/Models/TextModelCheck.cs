using SynthFixtures.Metadata;
using SynthFixtures.Text;

namespace SynthFixtures.Models;

/// <summary>Whether learned text models fit a tabular model: what <see cref="SynthModel.WithTextModels"/> and the artifact reader both check.</summary>
internal static class TextModelCheck
{
    /// <summary>The first problem with <paramref name="textModels"/> on a model with <paramref name="metadata"/>, or <c>null</c>.</summary>
    public static string? Problem(TableMetadata metadata, Privacy.PrivacyPlan? privacy, IReadOnlyList<TextColumnModel> textModels)
    {
        if (textModels.Count == 0) return null;
        if (privacy is not null)
            return "A differentially private model cannot hold a learned text model: the text model is trained on single texts outside the privacy budget.";
        var learned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in textModels)
        {
            if (model is null) return "A text model is missing (null).";
            var column = metadata.Columns.FirstOrDefault(c => c.Name == model.Column);
            if (column is null) return $"The text model of '{model.Column}' names a column that is not in the model's metadata.";
            if (column.Kind != ColumnKind.Text || column.Pii != PiiKind.None)
                return $"The text model of '{model.Column}' writes a column that is not free text (it is {Describe(column)}).";
            if (!learned.Add(model.Column)) return $"The column '{model.Column}' has two text models.";
        }
        foreach (var model in textModels)
        {
            foreach (var context in model.ContextColumns)
            {
                if (metadata.Columns.All(c => c.Name != context))
                    return $"The text model of '{model.Column}' is conditioned on '{context}', which is not in the model's metadata.";
                if (learned.Contains(context))
                    return $"The text model of '{model.Column}' is conditioned on '{context}', which is itself learned text.";
            }
        }
        return null;
    }

    private static string Describe(ColumnMetadata column) =>
        column.Pii != PiiKind.None ? $"personal data ({column.Pii})" : column.Kind.ToString().ToLowerInvariant();
}
