using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SynthFixtures.Data.Files;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Llm;
using SynthFixtures.Sampling;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures sample model.synth --rows N --out synthetic.csv [--seed N] [--condition col=value]...
/// [--privacy-filter similarity|outliers|both --reference train.csv [--holdout h.csv]]
/// [--request "count=N; where=…"]... | [--plan plan.json] | [--equalize col[=label:share,…]] [--replace "col = v WHEN …"]...
/// [--llm openai:MODEL --llm-column COL --llm-prompt TEMPLATE | --llm-config llm.json] [--replay cache.json [--replay-mode locked]]
/// [--shard i/n] [--format csv|parquet]</c>.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("model.synth") { Description = "A model written by 'synthfixtures train'." };
        var rows = new Option<long?>("--rows") { Description = "Number of rows to sample (a single-table model)." };
        var entities = new Option<long?>("--entities") { Description = "A sequence model: the number of entities (sequences) to sample, each with all its steps." };
        var scale = new Option<double?>("--scale") { Description = "A multi-table model: rows relative to the source at every level (0.5, 2, 10); --out is then a folder, one CSV per table." };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the synthetic CSV (written as the rows are drawn, under a temporary name moved into place when complete).",
            Required = true,
        };
        var seed = CommonOptions.Seed("sampling");
        var conditions = new Option<string[]>("--condition")
        {
            Description = "A condition every row meets: col=value, col>=v, col<=v, col>v, col<v or col=a..b. Repeatable.",
        };
        var where = new Option<string?>("--where")
        {
            Description = "A SQL-style condition every row meets, e.g. \"income = '>50K' AND sex = 'Female' AND age < 25\" (=, <>, <, <=, >, >=, BETWEEN, IN, IS NULL, AND/OR/NOT, parentheses, DATE '…').",
        };
        var threads = new Option<int?>("--threads") { Description = "Threads to use (the output is the same for any number)." };
        var stepConditions = new Option<string[]>("--step-condition")
        {
            Description = "A sequence model: a condition on a per-step column with the steps it applies to, every entity meeting it: first:col>=v (the first step), every:col=label, some:col=a..b (at least one step) or last:col<v. Repeatable.",
        };
        var filter = new PrivacyFilterOptionSet();
        var command = new Command("sample", "Sample synthetic rows from a model into a CSV.") { model, rows, entities, scale, output, seed, conditions, stepConditions, where, threads };
        filter.AddTo(command);
        var llm = new LlmOptionSet();
        llm.AddTo(command);
        var shardOptions = new ShardOptionSet();
        shardOptions.AddTo(command);
        var plans = new PlanOptionSet();
        plans.AddTo(command);
        var replace = new ReplaceOptionSet();
        replace.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(threads) is <= 0 and var threadsGiven)
                throw new SynthDataException($"--threads must be at least 1, not {threadsGiven}.", hint: "Leave it out to use every core; the rows are the same for any number.");
            if (SequenceSample.IsSequenceModel(parse.GetValue(model)!))
            {
                foreach (var (name, given) in new[] { ("--rows", parse.GetValue(rows) is not null), ("--scale", parse.GetValue(scale) is not null),
                             ("--where", parse.GetValue(where) is not null), ("--shard", shardOptions.Shard(parse) is not null) })
                    if (given) throw new SynthDataException($"{name} does not apply to a sequence model.", parse.GetValue(model),
                        hint: "Use --entities N (whole sequences), --condition on context columns and --step-condition on per-step columns.");
                return Task.FromResult(SequenceSample.Run(console, parse.GetValue(model)!, parse.GetValue(entities), parse.GetValue(output)!, parse.GetValue(seed),
                    parse.GetValue(conditions) ?? [], parse.GetValue(stepConditions) ?? [], parse.GetValue(threads), shardOptions.Format(parse, parse.GetValue(output)!), cancellationToken));
            }
            if (parse.GetValue(stepConditions) is { Length: > 0 })
                throw new SynthDataException("--step-condition applies to a sequence model; this model learned rows, not sequences.", parse.GetValue(model),
                    hint: "Use --condition col=value.");
            if (parse.GetValue(entities) is not null)
                throw new SynthDataException("--entities applies to a sequence model; this model learned rows, not sequences.", parse.GetValue(model), hint: "Use --rows N.");
            if (RelationalSample.IsRelationalModel(parse.GetValue(model)!))
            {
                if (shardOptions.AnyGiven(parse))
                    throw new SynthDataException("--shard and --format apply to a single-table model; this is a multi-table model.", parse.GetValue(model),
                        hint: "Leave them out: a multi-table model writes one CSV per table into the --out folder.");
                if (parse.GetValue(rows) is not null)
                    throw new SynthDataException("--rows applies to a single-table model; this is a multi-table model.", parse.GetValue(model),
                        hint: "Use --scale (1 = as many rows as the source at every level) and --out a folder.");
                return Task.FromResult(RelationalSample.Run(console, parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(scale) ?? 1,
                    parse.GetValue(seed), parse.GetValue(threads), cancellationToken));
            }
            if (parse.GetValue(scale) is not null)
                throw new SynthDataException("--scale applies to a multi-table model; this model learned one table.", hint: "Use --rows N.");
            var rowsGiven = parse.GetValue(rows);
            var count = rowsGiven ?? (plans.Given(parse) ? 0 : throw new SynthDataException("--rows is required for a single-table model.", hint: "Pass the number of rows to sample, e.g. --rows 1000."));
            if (count < 0) throw new SynthDataException($"--rows must be zero or more, not {count}.", hint: "Pass the number of rows to sample, e.g. --rows 1000.");
            var modelPath = parse.GetValue(model)!;
            var target = parse.GetValue(output)!;
            var filterFiles = filter.Files(parse, target);
            var llmFiles = llm.Files(parse, target);
            var shard = shardOptions.Shard(parse);
            var format = shardOptions.Format(parse, target);
            (string?, string)[] outputs = [(target, format.Description), (filterFiles?.Summary, "privacy filter summary"),
                (llmFiles?.RunRecord, "LLM run record"), (llmFiles?.Cache, "LLM replay cache")];
            OutputPaths.Check([(modelPath, "model"), (filterFiles?.Reference, "reference data"), (filterFiles?.Holdout, "holdout data"), (llmFiles?.Config, "LLM config"), (plans.PlanFile(parse), "plan")],
                outputs);
            OutputPaths.CheckFolders(outputs.Where(o => o.Item1 is not null));
            var synthModel = ModelArtifact.Load(modelPath);
            var whereText = parse.GetValue(where);
            var plan = plans.Plan(parse, synthModel, rowsGiven, whereText);
            if (plan is not null && parse.GetValue(conditions) is { Length: > 0 })
                throw new SynthDataException("--condition does not combine with a plan: each request carries its own condition.", hint: "Write the condition in the request's where.");
            if (plan is not null) count = plan.TotalRows;
            var llmStep = llmFiles is null ? null : llm.Step(parse, llmFiles, synthModel, parse.GetValue(seed), new LlmProviders());
            var request = new SamplingRequest
            {
                PrivacyFilter = filter.Request(parse, filterFiles, synthModel.Provenance.Seed),
                Model = synthModel, Rows = count, OutputPath = target, Seed = parse.GetValue(seed), Plan = plan,
                Replacements = replace.Rules(parse),
                Conditions = (parse.GetValue(conditions) ?? []).Select(Condition.Parse).ToList(),
                Where = plan is null ? whereText : null,
                Options = new SamplingOptions { MaxDegreeOfParallelism = parse.GetValue(threads) },
                Steps = llmStep is null ? [] : [llmStep],
                Shard = shard, Format = format,
            };
            console.Error.WriteLine(request.PrivacyFilter is null
                ? $"Sampling {(shard is null ? "" : $"shard {shard} of ")}{count:N0} rows into {target} (written as they are drawn)…"
                : $"Sampling {count:N0} rows into {target} through the privacy filters (fitting them on {filterFiles!.Reference} first)…");
            if (llmStep is not null)
                console.Error.WriteLine($"An LLM ({llmStep.Model}) writes {string.Join(", ", llmStep.Columns.Select(c => $"'{c}'"))}" +
                    (llmStep.CacheMode is { } mode ? $", through the replay cache ({mode.ToString().ToLowerInvariant()})…" : " (no replay cache: every response is a paid call)…"));
            if (request.PrivacyFilter is { } filtering) PrivacyFilterOptionSet.NoteRowCount(console, filtering, synthModel.Provenance.SourceRows);
            var clock = Stopwatch.StartNew();
            SamplingResult result;
            try
            {
                result = SamplingService.Run(request, cancellationToken);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new CommandCancelledException($"Sampling cancelled; nothing was written ({target} is unchanged).", e);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sampled and wrote {result.Rows:N0} rows in {seconds:F2} s ({(seconds > 0 ? result.Rows / seconds : 0):N0} rows/s)"));
            if (result.Plan is { } outcomes) PlanOptionSet.Print(console, outcomes);
            if (result.Replacements is { } replaced) ReplaceOptionSet.Print(console, replaced, result.Rows);
            if (result.Conditions is { } met) WhereSummary.Print(console, met, result.Candidates);
            if (result.PrivacyFilter is { } summary) PrivacyFilterOptionSet.Print(console, summary, result.PrivacyFilterSummaryPath);
            if (llmStep is not null) LlmOptionSet.Print(console, llmStep.Outcome(), Path.GetFullPath(llmFiles!.RunRecord));
            console.Out.WriteLine($"Wrote {result.Rows:N0} synthetic rows to {target}.");
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
