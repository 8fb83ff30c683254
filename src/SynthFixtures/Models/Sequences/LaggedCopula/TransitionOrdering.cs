using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SynthFixtures.Data;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Models.Sequences.LaggedCopula;

/// <summary>
/// Orders a categorical step column's labels along the latent line so that labels which follow each other from step to
/// step sit side by side. One Gaussian dimension per column can only move a step to labels near the previous one's
/// interval: a chain low ⇄ mid ⇄ high, encoded in frequency order (mid, high, low), would put low next to high and let
/// the model jump between them. The order is the Fiedler vector of the chain's transition graph (the second eigenvector of
/// the Laplacian of the symmetrised counts of label changes between consecutive steps), the classic spectral seriation.
/// Frequencies are unchanged.
/// </summary>
internal static class TransitionOrdering
{
    /// <summary>Reorders each categorical column of <paramref name="columns"/> with three or more labels that change from step to step.</summary>
    public static void Apply(CopulaColumn[] columns, SequenceSet data)
    {
        var table = data.Table;
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c] is not CategoricalCopulaColumn column || column.Categories.Length < 3) continue;
            var position = table.IndexOf(column.Name);
            var k = column.Categories.Length;
            var changes = Matrix<double>.Build.Dense(k, k);
            foreach (var entity in data.Entities)
            {
                var previous = -1;
                foreach (var row in entity.Rows)
                {
                    var code = Code(column, table[row, position]);
                    if (previous >= 0 && code >= 0 && code != previous)
                    {
                        changes[previous, code] += 1;
                        changes[code, previous] += 1;
                    }
                    previous = code;
                }
            }
            if (changes.Enumerate().All(v => v == 0)) continue;
            var laplacian = Matrix<double>.Build.DenseOfDiagonalVector(changes.RowSums()) - changes;
            var evd = laplacian.Evd(Symmetricity.Symmetric);
            // Eigenvalues come sorted ascending for a symmetric matrix; the first belongs to the constant vector.
            var fiedler = evd.EigenVectors.Column(1);
            var order = Enumerable.Range(0, k).OrderBy(i => Math.Round(fiedler[i], 12)).ThenBy(i => i).ToArray();
            columns[c] = new CategoricalCopulaColumn(column.Metadata, column.SourceIndex,
                order.Select(i => column.Categories[i]).ToArray(), order.Select(i => column.Probabilities[i]).ToArray());
        }
    }

    private static int Code(CategoricalCopulaColumn column, string? cell) =>
        cell is null ? Array.IndexOf(column.Categories, null) : column.FindCode(cell);
}
