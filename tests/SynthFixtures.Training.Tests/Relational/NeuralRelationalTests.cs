using SynthFixtures.Modeling.Relational;
using SynthFixtures.Models.Relational;
using SynthFixtures.Tests.Models.Relational;
using SynthFixtures.Training;

namespace SynthFixtures.Training.Tests.Relational;

/// <summary>The neural kinds learn a database through the same registry as the copula (SynthFixtures.Training registered).</summary>
public class NeuralRelationalTests
{
    [Theory]
    [InlineData("tvae")]
    [InlineData("ctgan")]
    public void A_neural_kind_learns_every_table_and_keeps_integrity(string kind)
    {
        var real = ShopDataset.Create(customers: 60);
        var folder = Directory.CreateTempSubdirectory("relmodel-neural-");
        try
        {
            var result = new RelationalTrainingService(NeuralModelTrainers.All).Train(new RelationalTrainingRequest
            {
                Data = real, ModelKind = kind, ModelPath = Path.Combine(folder.FullName, "shop.synth"), Seed = 1,
                Settings = new Dictionary<string, string> { ["epochs"] = "3", ["batch-size"] = "20" },
            });
            Assert.Equal(kind, result.Model.Kind);
            Assert.All(result.Model.Plans.Where(p => p.HasModel), p => Assert.Equal(kind, result.Model.ModelOf(p.Table)!.Kind));
            var loaded = RelationalModelArtifact.Load(Path.Combine(folder.FullName, "shop.synth"));
            var synthetic = loaded.Sample(1, seed: 2);
            foreach (var key in synthetic.Metadata.ForeignKeys) Assert.Equal(0, RelationalChecks.Orphans(synthetic, key));
            foreach (var table in synthetic.Metadata.Tables) Assert.Equal(0, RelationalChecks.DuplicateKeys(synthetic, table));
            Assert.Equal(RelationalChecks.Text(synthetic), RelationalChecks.Text(result.Model.Sample(1, seed: 2)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
