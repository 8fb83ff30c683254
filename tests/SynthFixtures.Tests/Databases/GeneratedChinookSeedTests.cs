using SynthFixtures.Databases;
using SynthFixtures.Databases.Writing;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;
using SynthFixtures.Models.Relational;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Databases;

/// <summary>
/// A chinook learned from its SQLite file (declared types NVARCHAR(120), NVARCHAR(10), …) and generated at scales 1 and
/// 10 fits its own schema: every string cell within its declared length, and the whole database seeds into PostgreSQL
/// (which enforces the lengths) with every foreign key satisfied. Skipped without the dataset or, for PostgreSQL, the server.
/// </summary>
public class GeneratedChinookSeedTests
{
    private static readonly Lazy<RelationalModel?> Model = new(Train);

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(10)]
    public void Generated_chinook_cells_fit_their_declared_lengths(double scale)
    {
        var data = Sample(scale);
        foreach (var (table, rows) in data.Tables)
            foreach (var column in table.Columns)
                if (DeclaredLengthFit.CharacterLimit(column.DeclaredType) is { } limit)
                    Assert.All(rows.Column(column.Name), v => Assert.True(v is null || v.Length <= limit, $"{table.Name}.{column.Name} {column.DeclaredType}: '{v}'"));
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(10)]
    public async Task Generated_chinook_seeds_into_PostgreSQL_with_every_foreign_key_satisfied(double scale)
    {
        var data = Sample(scale);
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);

        var result = await DatabaseSeeder.SeedAsync(data, db.Location);

        Assert.Equal(data.RowCount, result.TotalRows);
        foreach (var key in data.Metadata.ForeignKeys)
            Assert.True(await db.OrphansAsync(key) == 0, $"{key} has orphans");
    }

    private static RelationalDataset Sample(double scale)
    {
        Skip.If(Model.Value is null, Chinook.Missing);
        return Model.Value!.Sample(scale, seed: 1);
    }

    private static RelationalModel? Train()
    {
        if (Chinook.Read() is not { } real) return null;
        var folder = Directory.CreateTempSubdirectory("chinook-fit-");
        try
        {
            return new RelationalTrainingService(ModelTrainers.Core).Train(new RelationalTrainingRequest
            {
                Data = real, ModelPath = Path.Combine(folder.FullName, "chinook.synth"), Seed = 1,
            }).Model;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
