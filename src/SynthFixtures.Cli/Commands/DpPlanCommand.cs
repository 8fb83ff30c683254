using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.DpPlanning;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures dp-plan [data.csv | --rows N] --model dp-marginals|dp-tvae|dp-ctgan (--epsilon E | --noise-multiplier σ)
/// [--delta --epochs --batch-size --pac ...] [--json]</c>: a thin caller of <see cref="DpPlanner"/>. An infeasible
/// configuration exits 2 naming the constraint and what would satisfy it.
/// </summary>
internal static class DpPlanCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Argument<string?>("data.csv") { Description = "The training CSV (its rows are counted; for dp-marginals its columns profiled). Or give --rows.", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<string>("--model") { Description = $"The differentially private model kind: {string.Join(", ", DpPlanner.Kinds)}.", Required = true };
        var rows = new Option<int?>("--rows") { Description = "Plan for this many training rows, without data." };
        var columns = new Option<int?>("--columns") { Description = "Without data: how many columns are modelled (numeric, categorical or boolean); needed for dp-marginals." };
        var metadata = CommonOptions.Metadata();
        var delimiter = CommonOptions.Delimiter();
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON (epsilon, delta, noiseMultiplier, steps, samplingRate, privacy, warnings, recommendations)." };
        var settings = new SettingOptions(ModelCatalog.BuiltIn, DpPlanner.BudgetSettingNames);
        var command = new Command("dp-plan",
            "Check a differentially private configuration before training: the (ε, δ) it gives or the noise a target ε needs, where the budget goes, warnings, and fast/balanced/quality alternatives.")
        {
            data, model, rows, columns, metadata, delimiter, json,
        };
        foreach (var option in settings.All) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new DpPlanRequest
            {
                ModelKind = parse.GetValue(model)!,
                Settings = settings.Read(parse),
                DataPath = parse.GetValue(data),
                ReadOptions = CommonOptions.ReadOptions(null, trim: false, delimiter: parse.GetValue(delimiter)),
                MetadataPath = parse.GetValue(metadata),
                Rows = parse.GetValue(rows),
                Columns = parse.GetValue(columns),
            };
            DpBudgetPlan plan;
            try
            {
                plan = DpPlanner.Plan(request, cancellationToken);
            }
            catch (SettingException e)
            {
                throw SettingOptions.AsFlags(e);
            }
            if (parse.GetValue(json)) console.Out.WriteLine(JsonSerializer.Serialize(plan, DpPlanJson.Default.DpBudgetPlan));
            else WriteText(console.Out, plan);
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }

    private static void WriteText(TextWriter output, DpBudgetPlan plan)
    {
        var c = CultureInfo.InvariantCulture;
        var privacy = plan.Privacy;
        output.WriteLine(string.Create(c, $"Model:       {plan.Model} on {plan.Rows:N0} rows{(plan.Unit == "rows" ? "" : $" ({plan.Units:N0} {plan.Unit})")}"));
        output.WriteLine(string.Create(c, $"Guarantee:   ({Show(plan.Epsilon)}, {Show(plan.Delta)})-DP for {privacy.Neighbours}; {privacy.Accounting} accounting")
            + (plan.TargetEpsilon is { } target ? string.Create(c, $", target ε = {Show(target)}") : ""));
        if (plan.NoiseMultiplier is { } sigma)
            output.WriteLine(string.Create(c, $"DP-SGD:      σ = {Show(sigma)}, {plan.Steps:N0} steps, sampling rate q = {Show(plan.SamplingRate ?? 0)}, σ/B = {Show(plan.NoiseToSignal ?? 0)}"));
        if (plan.Rho is { } rho)
            output.WriteLine(string.Create(c, $"zCDP:        ρ = {Show(rho)}; one-way noise over an average cell's count {Show(plan.NoiseToSignal ?? 0)}"));
        output.WriteLine("Budget:");
        foreach (var step in privacy.Steps)
        {
            var noise = step.NoiseStandardDeviation is { } s ? $"σ = {Show(s)}" : $"ε = {Show(step.SelectionEpsilon ?? 0)} each";
            var sampling = step.SamplingRate is { } q ? $"  q = {Show(q)}" : "";
            output.WriteLine(string.Create(c, $"  {step.Name,-24} {step.Share,5:P0}  {noise}  × {step.Measurements:N0}{sampling}{(step.Delta > 0 ? $"  δ = {Show(step.Delta)}" : "")}"));
        }
        output.WriteLine("Public (read outside the budget):");
        foreach (var fact in privacy.Public) output.WriteLine($"  - {fact}");
        if (plan.Warnings.Count > 0)
        {
            output.WriteLine("Warnings:");
            foreach (var warning in plan.Warnings) output.WriteLine($"  ! {warning.Message}");
        }
        output.WriteLine(string.Create(c, $"Recommendations at ε = {Show(plan.TargetEpsilon ?? plan.Epsilon)}:"));
        foreach (var profile in plan.Recommendations)
        {
            var setting = profile.Bins is { } bins ? $"bins {bins}" : $"epochs {profile.Epochs}, batch size {profile.BatchSize}";
            var outcome = profile.Infeasible is { } why ? $"infeasible: {why}"
                : profile.NoiseMultiplier is { } profileSigma
                    ? string.Create(c, $"σ = {Show(profileSigma)}, {profile.Steps:N0} steps, q = {Show(profile.SamplingRate ?? 0)}, σ/B = {Show(profile.NoiseToSignal ?? 0)}")
                    : string.Create(c, $"one-way noise over an average cell's count {Show(profile.NoiseToSignal ?? 0)}");
            var flags = profile.Warnings.Count > 0 ? $" (warning on {string.Join(", ", profile.Warnings.Select(w => w.Constraint))})" : "";
            output.WriteLine($"  {profile.Name,-9} {setting}: {outcome}{flags}");
            output.WriteLine($"            {profile.Description}");
        }
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
