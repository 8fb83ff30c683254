using System.CommandLine;
using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Llm;
using SynthFixtures.Models;
using SynthFixtures.Randomness;
using SynthFixtures.Text.Llm;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The sample verb's LLM options: the model and one column from flags, or several from <c>--llm-config</c> (the flags
/// fill the same <see cref="LlmConfigFile"/> and override it), the replay cache and the run record; turned into the
/// <see cref="LlmTextStep"/> the sampling service runs.
/// </summary>
internal sealed class LlmOptionSet
{
    private readonly Option<string?> _model = new("--llm") { Description = "Have an LLM write text columns: openai:MODEL (any OpenAI-compatible endpoint, key from OPENAI_API_KEY) or ollama:MODEL." };
    private readonly Option<string?> _endpoint = new("--llm-endpoint") { Description = "The LLM service's base address (default: OPENAI_BASE_URL or OpenAI; OLLAMA_HOST or http://localhost:11434)." };
    private readonly Option<string?> _config = new("--llm-config") { Description = "A JSON file of LLM settings and columns (docs/text-columns.md); the flags below override it." };
    private readonly Option<string?> _column = new("--llm-column") { Description = "The text column the LLM writes (with --llm-prompt)." };
    private readonly Option<string?> _prompt = new("--llm-prompt") { Description = "The prompt for --llm-column; {Column Name} is the row's cell of that column, e.g. \"Write a {Rating}-star review of a {Class Name}.\"" };
    private readonly Option<string?> _system = new("--llm-system") { Description = "The system prompt for --llm-column." };
    private readonly Option<float?> _temperature = new("--llm-temperature") { Description = "Sampling temperature (0–2) for --llm-column." };
    private readonly Option<int?> _maxTokens = new("--llm-max-tokens") { Description = "Most tokens per response for --llm-column." };
    private readonly Option<int?> _candidates = new("--llm-candidates") { Description = "Responses per row for --llm-column, of which the best is kept (length fit, no duplicates, decontaminated)." };
    private readonly Option<string?> _examples = new("--llm-examples") { Description = "A text file of synthetic example texts for --llm-column, one per line." };
    private readonly Option<string?> _realExamples = new("--llm-real-examples") { Description = "A CSV of real rows to show as examples for --llm-column; needs --send-real-rows-to-llm." };
    private readonly Option<bool> _sendReal = new("--send-real-rows-to-llm") { Description = "Allow --llm-real-examples: those real rows are sent to the LLM service and leave the machine." };
    private readonly Option<string[]> _decontaminate = new("--llm-decontaminate") { Description = "A CSV (its column of the same name) or text file (one text per line) no response may overlap by 8-grams. Repeatable." };
    private readonly Option<int?> _concurrency = new("--llm-concurrency") { Description = "LLM calls in flight at once (default 4)." };
    private readonly Option<int?> _attempts = new("--llm-attempts") { Description = "Attempts per call on rate limits, server errors and timeouts (default 5)." };
    private readonly Option<double?> _timeout = new("--llm-timeout") { Description = "Seconds one call may take (default 60)." };
    private readonly Option<long?> _budgetTokens = new("--llm-budget-tokens") { Description = "Stop calling once this many tokens (input + output) are spent; the remaining cells are left empty." };
    private readonly Option<decimal?> _budgetCost = new("--llm-budget-cost") { Description = "Stop calling once this much money is spent (needs --llm-price-input/--llm-price-output)." };
    private readonly Option<decimal?> _priceInput = new("--llm-price-input") { Description = "The model's price per million input tokens." };
    private readonly Option<decimal?> _priceOutput = new("--llm-price-output") { Description = "The model's price per million output tokens." };
    private readonly Option<string?> _replay = new("--replay") { Description = "The LLM record/replay cache (JSON): responses are taken from it and new ones stored in it, so a rerun needs no network." };
    private readonly Option<string?> _replayMode = new("--replay-mode") { Description = "record (always call), replay (default: cache first, call on a miss) or locked (cache only: a miss is an error)." };
    private readonly Option<string?> _runRecord = new("--llm-run-record") { Description = "Where to write the LLM run record (usage and cost) as JSON (default: beside --out, <name>.run.json)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
                 {
                     _model, _endpoint, _config, _column, _prompt, _system, _temperature, _maxTokens, _candidates, _examples, _realExamples, _sendReal,
                     _decontaminate, _concurrency, _attempts, _timeout, _budgetTokens, _budgetCost, _priceInput, _priceOutput, _replay, _replayMode, _runRecord,
                 })
            command.Options.Add(option);
    }

    /// <summary>The files the LLM step reads and writes, or <c>null</c> without <c>--llm</c> or <c>--llm-config</c> (other LLM options are then refused).</summary>
    public LlmFiles? Files(ParseResult parse, string samplePath)
    {
        var config = parse.GetValue(_config);
        if (parse.GetValue(_model) is null && config is null)
        {
            var stray = StrayOption(parse);
            if (stray is not null)
                throw new SynthDataException($"{stray} only applies with --llm or --llm-config.", hint: "Add --llm openai:MODEL or ollama:MODEL, or leave the LLM options out.");
            return null;
        }
        return new LlmFiles(config, parse.GetValue(_replay), parse.GetValue(_runRecord) ?? LlmRunRecordJson.DefaultPathFor(samplePath));
    }

    /// <summary>The sampling step, built from the config file (if any) overridden by the flags.</summary>
    public LlmTextStep Step(ParseResult parse, LlmFiles files, SynthModel model, long seed, LlmProviders providers)
    {
        var config = files.Config is { } path ? LlmConfigFile.Read(path) : new LlmConfigFile();
        var baseFolder = files.Config is { } configPath ? Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? "." : ".";
        var modelName = parse.GetValue(_model) ?? config.Model
            ?? throw new SynthDataException("The LLM config names no model.", files.Config, hint: "Add \"model\": \"openai:gpt-4o-mini\" to it, or pass --llm.");
        var price = (parse.GetValue(_priceInput), parse.GetValue(_priceOutput)) switch
        {
            (null, null) => config.Price,
            ({ } input, { } output) => new LlmPrice(input, output, config.Price?.Currency ?? "USD"),
            _ => throw new SynthDataException("--llm-price-input and --llm-price-output go together.", hint: "Give both prices per million tokens, e.g. 0.15 and 0.60."),
        };
        var budget = new LlmBudget(parse.GetValue(_budgetTokens) ?? config.Budget?.MaxTokens, parse.GetValue(_budgetCost) ?? config.Budget?.MaxCost);
        var defaults = new LlmCallPolicy();
        var policy = defaults with
        {
            Concurrency = parse.GetValue(_concurrency) ?? config.Concurrency ?? defaults.Concurrency,
            BatchRows = config.BatchRows ?? defaults.BatchRows,
            MaxAttempts = parse.GetValue(_attempts) ?? config.MaxAttempts ?? defaults.MaxAttempts,
            CallTimeout = (parse.GetValue(_timeout) ?? config.CallTimeoutSeconds) is { } seconds
                ? (seconds > 0 && seconds < 86_400 ? TimeSpan.FromSeconds(seconds) : throw new SynthDataException($"The LLM call timeout must be between 0 and 86400 seconds, not {seconds}.", hint: "E.g. --llm-timeout 60."))
                : defaults.CallTimeout,
        };
        var columns = config.Columns.Select(c => (Entry: c, Folder: baseFolder)).ToList();
        if (FlagColumn(parse) is { } flagColumn)
        {
            columns.RemoveAll(c => c.Entry.Column == flagColumn.Column);
            columns.Add((flagColumn, "."));
        }
        if (columns.Count == 0)
            throw new SynthDataException("No LLM column is given.", files.Config, hint: "Pass --llm-column \"Review Text\" --llm-prompt \"…\", or list columns in --llm-config.");
        var cache = files.Cache is { } cachePath ? LlmReplayCache.Open(cachePath, ParseMode(parse.GetValue(_replayMode))) : null;
        if (cache is null && parse.GetValue(_replayMode) is not null)
            throw new SynthDataException("--replay-mode needs --replay, the cache file.", hint: "Add --replay llm-cache.json.");
        var request = new LlmTextRequest
        {
            Chat = providers.Connect(modelName, parse.GetValue(_endpoint) ?? config.Endpoint),
            Columns = columns.Select(c => ToColumn(c.Entry, c.Folder, seed, files.Config)).ToList(),
            Seed = seed, Policy = policy, Budget = budget, Price = price, Cache = cache, RunRecordPath = files.RunRecord,
        };
        return new LlmTextStep(request, model.Metadata.Columns.Select(c => c.Name).ToList(), column => LlmModelFacts.WordCountQuantiles(model, column));
    }

    /// <summary>The usage summary: per column the cells, calls, replayed calls, tokens and cost, then how far a stopped run got.</summary>
    public static void Print(CliConsole console, LlmRunRecord record, string recordPath)
    {
        console.Error.WriteLine($"LLM ({record.Model}):");
        foreach (var column in record.Columns)
        {
            var usage = column.Usage;
            var perCell = usage.Rows > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({(usage.InputTokens + usage.OutputTokens) / (double)usage.Rows:N0} tokens per cell)") : "";
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {usage.Column}: {usage.Rows:N0} of {column.RequestedRows:N0} cells written; {usage.Calls:N0} calls, {usage.ReplayedCalls:N0} replayed; {usage.InputTokens:N0} input + {usage.OutputTokens:N0} output tokens{Money(usage.Cost, usage.Currency)}{perCell}"));
            if (column.RejectedRows > 0)
                console.Error.WriteLine($"    {column.RejectedRows:N0} cells left empty: every candidate was rejected (duplicate, contaminated or empty)");
        }
        var total = record.Total;
        var spentTokens = record.Columns.Sum(c => c.SpentInputTokens + c.SpentOutputTokens);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  total: {total.Calls:N0} calls, {total.ReplayedCalls:N0} replayed, {total.InputTokens + total.OutputTokens:N0} tokens{Money(total.Cost, total.Currency)}; spent in this run: {spentTokens:N0} tokens{Money(total.SpentCost, total.Currency)}"));
        if (record.StoppedBy is not null)
        {
            var first = record.Columns.FirstOrDefault(c => c.StoppedAtRow is not null);
            var skipped = record.Columns.Sum(c => c.SkippedRows);
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Warning: the LLM {record.StoppedBy} was reached at row {(first?.StoppedAtRow ?? 0) + 1:N0} of '{first?.Usage.Column}': {skipped:N0} cells were left empty (the run record says so; raise the budget and rerun with --replay to continue without paying again)."));
        }
        console.Error.WriteLine($"  run record: {recordPath}");
    }

    private LlmConfigColumn? FlagColumn(ParseResult parse)
    {
        var column = parse.GetValue(_column);
        var prompt = parse.GetValue(_prompt);
        if (column is null)
        {
            var stray = new (string Name, bool Given)[]
            {
                ("--llm-prompt", prompt is not null), ("--llm-system", parse.GetValue(_system) is not null), ("--llm-temperature", parse.GetValue(_temperature) is not null),
                ("--llm-max-tokens", parse.GetValue(_maxTokens) is not null), ("--llm-candidates", parse.GetValue(_candidates) is not null),
                ("--llm-examples", parse.GetValue(_examples) is not null), ("--llm-real-examples", parse.GetValue(_realExamples) is not null),
                ("--send-real-rows-to-llm", parse.GetValue(_sendReal)), ("--llm-decontaminate", (parse.GetValue(_decontaminate) ?? []).Length > 0),
            }.FirstOrDefault(o => o.Given).Name;
            return stray is null ? null
                : throw new SynthDataException($"{stray} applies to --llm-column, which is not given.", hint: "Add --llm-column \"Review Text\", or set it per column in --llm-config.");
        }
        if (prompt is null) throw new SynthDataException($"--llm-column {column} needs --llm-prompt.", hint: "E.g. --llm-prompt \"Write a {Rating}-star review of a {Class Name}.\"");
        return new LlmConfigColumn
        {
            Column = column, Prompt = prompt, System = parse.GetValue(_system), Temperature = parse.GetValue(_temperature),
            MaxOutputTokens = parse.GetValue(_maxTokens), Candidates = parse.GetValue(_candidates), ExamplesFile = parse.GetValue(_examples),
            RealExamplesCsv = parse.GetValue(_realExamples), SendRealRowsToLlm = parse.GetValue(_sendReal),
            Decontaminate = parse.GetValue(_decontaminate) is { Length: > 0 } files ? files : null,
        };
    }

    private static LlmTextColumn ToColumn(LlmConfigColumn entry, string folder, long seed, string? configFile)
    {
        var name = entry.Column ?? throw new SynthDataException("An LLM column in the config has no \"column\".", configFile, hint: "Name the column it writes.");
        var prompt = entry.Prompt ?? throw new SynthDataException($"The LLM column '{name}' has no prompt.", configFile, hint: "Add \"prompt\": \"Write a {Rating}-star review…\".");
        string Resolve(string file) => Path.IsPathRooted(file) ? file : Path.Combine(folder, file);
        var given = (entry.Examples ?? []).Concat(entry.ExamplesFile is { } examplesFile ? ReadLines(Resolve(examplesFile)) : [])
            .Select(text => new LlmExample(text)).ToList();
        LlmExamples examples;
        if (entry.RealExamplesCsv is { } realCsv)
        {
            // Read only once the opt-in is there: without it the step refuses before any real row is read or sent.
            examples = entry.SendRealRowsToLlm == true
                ? LlmExamples.RealRows([.. given, .. RealExamples(Resolve(realCsv), name, entry.RealExamples ?? 3, seed)])
                : LlmExamples.RealRows(given);
        }
        else examples = entry.ExamplesFromSample is > 0 and var rows ? LlmExamples.OwnSample(rows) : LlmExamples.Synthetic(given);
        if (entry.ExamplesFromSample is > 0 && given.Count > 0 && entry.RealExamplesCsv is null)
            throw new SynthDataException($"The LLM column '{name}' takes examples both from the sample and as given texts; choose one.", configFile,
                hint: "Keep \"examplesFromSample\" or \"examples\"/\"examplesFile\".");
        var defaults = new LlmTextColumn { Column = name, Prompt = prompt };
        return defaults with
        {
            SystemPrompt = entry.System,
            Temperature = entry.Temperature,
            MaxOutputTokens = entry.MaxOutputTokens,
            Candidates = entry.Candidates ?? 1,
            Examples = examples,
            SendRealRowsToLlm = entry.SendRealRowsToLlm == true,
            DecontaminationTexts = (entry.Decontaminate ?? []).SelectMany(file => DecontaminationTexts(Resolve(file), name)).ToList(),
            DecontaminationNgram = entry.DecontaminationNgram ?? defaults.DecontaminationNgram,
            MaxSharedNgramFraction = entry.MaxSharedNgramFraction ?? defaults.MaxSharedNgramFraction,
        };
    }

    private static IEnumerable<LlmExample> RealExamples(string csv, string column, int count, long seed)
    {
        var table = CsvTableReader.Read(csv, new CsvReadOptions { NameUnnamedColumns = true });
        if (!table.HasColumn(column))
            throw new SynthDataException($"The real examples CSV has no column '{column}'.", csv, hint: "Give the CSV the model was trained on.");
        var textColumn = table.IndexOf(column);
        var rows = Enumerable.Range(0, table.RowCount).Where(r => !string.IsNullOrWhiteSpace(table[r, textColumn])).ToArray();
        var random = new SynthRandom(seed).Derive("llm-real-examples:" + column);
        for (var i = 0; i < Math.Min(count, rows.Length); i++)
        {
            var j = i + random.NextInt(rows.Length - i);
            (rows[i], rows[j]) = (rows[j], rows[i]);
            var row = rows[i];
            var cells = Enumerable.Range(0, table.ColumnCount).Where(c => c != textColumn)
                .ToDictionary(c => table.ColumnNames[c], c => table[row, c], StringComparer.Ordinal);
            yield return new LlmExample(table[row, textColumn]!.Trim(), cells);
        }
    }

    private static IEnumerable<string> DecontaminationTexts(string file, string column)
    {
        if (!file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return ReadLines(file);
        var table = CsvTableReader.Read(file, new CsvReadOptions { NameUnnamedColumns = true });
        if (!table.HasColumn(column))
            throw new SynthDataException($"The decontamination CSV has no column '{column}'.", file, hint: "Give a CSV with the column, or a text file of one text per line.");
        return table.Column(column).OfType<string>().ToList();
    }

    private static List<string> ReadLines(string file) =>
        System.Text.Encoding.UTF8.GetString(Data.Files.InputFiles.ReadAllBytes(file, "LLM text file")).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static LlmCacheMode ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "replay" => LlmCacheMode.Replay,
        "record" => LlmCacheMode.Record,
        "locked" => LlmCacheMode.Locked,
        _ => throw new SynthDataException($"--replay-mode {text} is not a mode.", hint: "Use record, replay or locked."),
    };

    private string? StrayOption(ParseResult parse) =>
        new (string Name, bool Given)[]
        {
            ("--llm-endpoint", parse.GetValue(_endpoint) is not null), ("--llm-column", parse.GetValue(_column) is not null),
            ("--llm-prompt", parse.GetValue(_prompt) is not null), ("--replay", parse.GetValue(_replay) is not null),
            ("--replay-mode", parse.GetValue(_replayMode) is not null), ("--llm-run-record", parse.GetValue(_runRecord) is not null),
            ("--send-real-rows-to-llm", parse.GetValue(_sendReal)), ("--llm-budget-tokens", parse.GetValue(_budgetTokens) is not null),
            ("--llm-budget-cost", parse.GetValue(_budgetCost) is not null),
        }.FirstOrDefault(o => o.Given).Name;

    private static string Money(decimal? cost, string? currency) =>
        cost is { } value ? string.Create(CultureInfo.InvariantCulture, $", {value:0.######} {currency}") : "";
}

/// <summary>The files of an LLM step: the config read, the cache read and written, the run record written.</summary>
internal sealed record LlmFiles(string? Config, string? Cache, string RunRecord);
