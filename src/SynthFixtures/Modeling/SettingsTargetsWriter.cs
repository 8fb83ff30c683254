using System.Text;

namespace SynthFixtures.Modeling;

/// <summary>
/// Writes <c>build/SynthFixtures.Settings.targets</c> from the catalog's settings tables: the <c>&lt;SynthModel&gt;</c>
/// and <c>&lt;SynthDatabase&gt;</c> item metadata (empty: the model's default), for each setting an item update that appends it, when set, to the
/// text the trainer receives and, when it affects the model, to the text the lock hashes, and for each kind that
/// trains with TorchSharp the <c>TrainsWithTorch</c> mark that makes the build fetch libtorch, and the list of
/// differentially private kinds with their default ε that the project's ε cap is checked against. MSBuild cannot enumerate an
/// item's metadata without running a task, and a task on every build would cost more than the incremental check
/// itself, so the table is turned into static MSBuild once, and a test keeps the file equal to the table.
/// </summary>
internal static class SettingsTargetsWriter
{
    /// <summary>The file's text for <paramref name="catalog"/>.</summary>
    public static string Write(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var specs = catalog.AllSpecs;
        var text = new StringBuilder();
        text.Append("""
            <Project>
              <!--
                Generated from the model kinds' settings tables (SynthFixtures.Modeling.ModelCatalog) by SettingsTargetsWriter:
                do not edit. SettingsTableTests fails when this file and the tables differ, and writes the file to regenerate.
              -->
              <ItemDefinitionGroup>

            """);
        // A <SynthDatabase> trains one model per table with the same settings, through the same item updates.
        foreach (var item in new[] { "SynthModel", "SynthDatabase" })
        {
            text.Append($"    <{item}>\n");
            foreach (var spec in specs)
                text.Append($"      <{spec.MsBuildName}></{spec.MsBuildName}>\n");
            text.Append($"    </{item}>\n");
        }
        text.Append("""
              </ItemDefinitionGroup>

              <!-- Appends each setting an item sets: to TrainerSettings (what the trainer gets) and, when it can change the
                   trained model, to SettingsText (what the lock hashes and the incremental check compares). -->
              <Target Name="_SynthFixturesDescribeSettings" DependsOnTargets="_SynthFixturesCollectModels">
                <ItemGroup>

            """);
        foreach (var spec in specs)
        {
            var setting = $"{SettingsText.Separator}{spec.Name}{SettingsText.Assignment}%({spec.MsBuildName})";
            var append = $"%(TrainerSettings){setting}";
            var lockText = spec.AffectsModel ? $"<SettingsText>%(SettingsText){setting}</SettingsText>" : "";
            text.Append($"      <_SynthModel Condition=\"'%(_SynthModel.{spec.MsBuildName})' != ''\"><TrainerSettings>{append}</TrainerSettings>{lockText}</_SynthModel>\n");
        }
        // Which items need libtorch, so the build fetches it only for them (MSBuild compares names case-insensitively).
        foreach (var kind in catalog.Kinds.Where(k => k.TrainsWithTorch))
            text.Append($"      <_SynthModel Condition=\"'%(_SynthModel.Model)' == '{kind.Name}'\"><TrainsWithTorch>true</TrainsWithTorch></_SynthModel>\n");
        text.Append("""
                </ItemGroup>
              </Target>

              <!-- The differentially private kinds, each with the ε it trains at when the item sets none (empty: the item
                   must set Epsilon or NoiseMultiplier), for the project's ε cap (SynthFixturesMaxEpsilon). -->
              <PropertyGroup>

            """);
        var privateKinds = catalog.Kinds.Where(k => k.Specs.Contains(PrivacySettingTable.Epsilon))
            .Select(k => $"{k.Name}={DefaultEpsilon(k)}");
        text.Append($"    <_SynthFixturesPrivateKinds>{string.Join(";", privateKinds)}</_SynthFixturesPrivateKinds>\n");
        text.Append("""
              </PropertyGroup>
            </Project>

            """);
        return text.ToString();
    }

    // A default that is not a number (dp-tvae's: none, the item gives ε or σ) is left empty.
    private static string DefaultEpsilon(ModelKind kind) =>
        double.TryParse(kind.DefaultText(PrivacySettingTable.Epsilon), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out _) ? kind.DefaultText(PrivacySettingTable.Epsilon) : "";
}
