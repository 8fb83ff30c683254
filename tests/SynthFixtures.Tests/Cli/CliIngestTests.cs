using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SynthFixtures.Cli;

namespace SynthFixtures.Tests.Cli;

/// <summary>
/// Bad and tricky CSV input through the CLI: each case asserts the exit code, what the message says (file, line,
/// column), that no input changed and that a refused command left no output behind.
/// </summary>
public sealed class CliIngestTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // ---------- helpers ----------

    private string Csv(string name, string text) => Bytes(name, new UTF8Encoding(false).GetBytes(text));

    private string Bytes(string name, byte[] bytes)
    {
        var path = _folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Runs the CLI and checks that none of <paramref name="inputs"/> changed.</summary>
    private static CliResult RunKeeping(string[] inputs, params string[] args)
    {
        var before = inputs.Select(Hash).ToArray();
        var result = CliResult.Run(args);
        Assert.Equal(before, inputs.Select(Hash).ToArray());
        Assert.DoesNotContain("   at ", result.Error); // never a stack trace
        return result;
    }

    private static string Hash(string path) => Directory.Exists(path) ? "folder" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static void Refused(CliResult result, string? output, params string[] expected)
    {
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        foreach (var text in expected) Assert.Contains(text, result.Error);
        if (output is not null) Assert.False(File.Exists(output), $"{output} was written by a refused command");
    }

    private static string Ages(int rows, Func<int, string?>? at = null)
    {
        var text = new StringBuilder("age,group\n");
        for (var i = 0; i < rows; i++)
            text.Append(at?.Invoke(i) ?? (18 + i * 37 % 73).ToString(CultureInfo.InvariantCulture)).Append(',').Append("abc"[i % 3]).Append('\n');
        return text.ToString();
    }

    private string TrainAndSample(string csv, int rows = 200, params string[] extra)
    {
        var model = _folder.File(Path.GetFileNameWithoutExtension(csv) + ".synth");
        var train = RunKeeping([csv], ["train", csv, "--out", model, .. extra]);
        Assert.True(train.ExitCode == 0, train.Error);
        var output = _folder.File(Path.GetFileNameWithoutExtension(csv) + ".out.csv");
        var sample = RunKeeping([model], "sample", model, "--rows", rows.ToString(CultureInfo.InvariantCulture), "--out", output);
        Assert.True(sample.ExitCode == 0, sample.Error);
        return output;
    }

    private static List<string[]> Rows(string csv) => File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToList();

    // ---------- bad cells in number columns ----------

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e308")]
    [InlineData("-1e308")]
    public void A_stray_value_among_integers_keeps_the_column_numeric_and_is_reported_with_line_and_column(string stray)
    {
        // Line 1 is the header, so row 6 is on line 8.
        var csv = Csv("ages.csv", Ages(999, i => i == 6 ? stray : null));
        var profile = RunKeeping([csv], "profile", csv, "--out", _folder.File("m.json"));
        Assert.Equal(0, profile.ExitCode);
        Assert.Matches(@"age\s+Integer", profile.Output);
        Assert.Contains($"ages.csv line 8, column 1 (age): '{stray}' is not an integer; read as missing", profile.Error);

        var output = TrainAndSample(csv);
        Assert.All(Rows(output), row => Assert.True(row[0].Length == 0 || long.TryParse(row[0], CultureInfo.InvariantCulture, out _), $"'{row[0]}' is not an age"));
    }

    [Fact]
    public void Strict_mode_makes_the_first_bad_cell_an_error_naming_line_and_column()
    {
        var csv = Csv("ages.csv", Ages(500, i => i == 9 ? "forty" : null));
        var model = _folder.File("m.synth");
        Refused(RunKeeping([csv], "train", csv, "--out", model, "--strict"), model, "ages.csv(11,1)", "'forty'", "not an integer");
        Refused(RunKeeping([csv], "profile", csv, "--strict"), null, "ages.csv(11,1)");
    }

    [Fact]
    public void Warnings_are_capped_with_a_count_of_the_rest()
    {
        var csv = Csv("ages.csv", Ages(1000, i => i % 50 == 0 ? "n/a-ish" : null)); // 20 bad cells: 2 %
        var result = RunKeeping([csv], "profile", csv, "--out", _folder.File("m.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10, result.Error.Split('\n').Count(l => l.StartsWith("warning: ages.csv line", StringComparison.Ordinal)));
        Assert.Contains("warning: and 10 more cells read as missing", result.Error);
        Assert.Contains("20 not a number", result.Output); // the evidence states the numbers used
    }

    [Fact]
    public void A_column_with_many_words_among_numbers_is_not_numeric()
    {
        var csv = Csv("mixed.csv", Ages(100, i => i % 10 == 0 ? "unknown" : null)); // 10 % words
        var result = RunKeeping([csv], "profile", csv, "--out", _folder.File("m.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotMatch(@"age\s+Integer", result.Output);
        Assert.DoesNotContain("warning:", result.Error);
    }

    [Fact]
    public void Zero_padded_codes_stay_text_whatever_the_share()
    {
        var csv = Csv("zips.csv", "zip,n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => (i == 5 ? "01234" : (12345 + i % 7).ToString(CultureInfo.InvariantCulture)) + ",1\n")));
        var result = RunKeeping([csv], "profile", csv, "--out", _folder.File("m.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotMatch(@"zip\s+Integer", result.Output);
    }

    // ---------- metadata that contradicts the data ----------

    [Fact]
    public void Metadata_declaring_a_67_label_column_boolean_is_refused_with_file_and_column()
    {
        var csv = Csv("labels.csv", "id,flag\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"{i},L{i % 67}\n")));
        var metadata = Csv("m.json", """{ "columns": [ { "name": "id", "kind": "integer" }, { "name": "flag", "kind": "boolean" } ] }""");
        var model = _folder.File("m.synth");
        Refused(RunKeeping([csv, metadata], "train", csv, "--metadata", metadata, "--out", model), model,
            "labels.csv(4,2)", "'flag' boolean", "67 distinct labels", "categorical");
    }

    [Fact]
    public void Metadata_declaring_a_text_column_integer_is_refused_at_the_first_bad_value()
    {
        var csv = Csv("people.csv", "name,age\nalice,30\nbob,41\ncarol,52\n");
        var metadata = Csv("m.json", """{ "columns": [ { "name": "name", "kind": "integer" }, { "name": "age", "kind": "integer" } ] }""");
        var model = _folder.File("m.synth");
        Refused(RunKeeping([csv, metadata], "train", csv, "--metadata", metadata, "--out", model), model,
            "people.csv(2,1)", "declares column 'name' integer", "3 of its 3 values", "'alice'");
    }

    [Fact]
    public void Metadata_declaring_integer_with_one_stray_cell_in_a_hundred_trains_and_warns()
    {
        var csv = Csv("ages.csv", Ages(100, i => i == 3 ? "x" : null));
        var metadata = Csv("m.json", """{ "columns": [ { "name": "age", "kind": "integer" }, { "name": "group", "kind": "categorical" } ] }""");
        var model = _folder.File("m.synth");
        var result = RunKeeping([csv, metadata], "train", csv, "--metadata", metadata, "--out", model);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ages.csv line 5, column 1 (age): 'x' is not an integer; read as missing", result.Error);
    }

    // ---------- delimiters ----------

    [Theory]
    [InlineData(';', "semicolon")]
    [InlineData('\t', "tab")]
    [InlineData('|', "pipe")]
    public void Other_delimiters_are_detected(char delimiter, string name)
    {
        var csv = Csv("d.csv", Ages(300).Replace(',', delimiter));
        var result = RunKeeping([csv], "profile", csv, "--out", _folder.File("m.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"age\s+Integer", result.Output);
        Assert.Matches(@"group\s+Categorical", result.Output);
        Assert.Contains($"{name}-separated", result.Error);
        var output = TrainAndSample(csv);
        Assert.Equal("age,group", File.ReadLines(output).First());
    }

    [Fact]
    public void A_forced_delimiter_wins_over_detection()
    {
        var csv = Csv("d.csv", "a;b\n1;2\n3;4\n");
        var result = RunKeeping([csv], "profile", csv, "--delimiter", ",");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"a;b\"", result.Output);
        var tab = RunKeeping([csv], "profile", csv, "--delimiter", "tab");
        Assert.Contains("\"a;b\"", tab.Output);
    }

    [Theory]
    [InlineData("ab", "not a single character")]
    [InlineData("\"", "cannot separate fields")]
    [InlineData("\n", "cannot separate fields")]
    public void An_unusable_delimiter_is_refused(string delimiter, string message)
    {
        var csv = Csv("d.csv", "a,b\n1,2\n");
        var model = _folder.File("m.synth");
        Refused(RunKeeping([csv], "train", csv, "--out", model, "--delimiter", delimiter), model, message);
    }

    // ---------- unnamed columns ----------

    [Fact]
    public void A_pandas_index_column_is_refused_unless_unnamed_columns_are_named()
    {
        // As pandas writes a frame with its row index: an empty first header cell, then 0, 1, 2, … on each row.
        var lines = Ages(300).TrimEnd('\n').Split('\n');
        var csv = Csv("indexed.csv", "," + lines[0] + "\n" + string.Concat(lines.Skip(1).Select((line, i) => $"{i},{line}\n")));
        var model = _folder.File("indexed.synth");
        Refused(RunKeeping([csv], "train", csv, "--out", model), model, "Column 1 of 3 has an empty name");

        var profile = RunKeeping([csv], "profile", csv, "--name-unnamed-columns");
        Assert.Equal(0, profile.ExitCode);
        Assert.Contains("\"column1\"", profile.Output);
        var output = TrainAndSample(csv, 200, "--name-unnamed-columns");
        Assert.StartsWith("column1,", File.ReadLines(output).First());
        var evaluate = RunKeeping([csv, output], "evaluate", csv, output, "--name-unnamed-columns");
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
    }

    // ---------- encodings ----------

    public static TheoryData<string, string> WideEncodings() => new()
    {
        { "utf-16le-bom", "UTF-16LE" },
        { "utf-16le", "UTF-16LE (no byte order mark)" },
        { "utf-16be", "UTF-16BE (no byte order mark)" },
        { "utf-16be-bom", "UTF-16BE" },
        { "utf-32le-bom", "UTF-32LE" },
        { "utf-32be", "UTF-32BE (no byte order mark)" },
    };

    [Theory]
    [MemberData(nameof(WideEncodings))]
    public void Utf16_and_utf32_are_transcoded_and_named(string encoding, string reported)
    {
        var (bigEndian, bom) = (encoding.Contains("be", StringComparison.Ordinal), encoding.EndsWith("-bom", StringComparison.Ordinal));
        Encoding codec = encoding.StartsWith("utf-16", StringComparison.Ordinal) ? new UnicodeEncoding(bigEndian, bom) : new UTF32Encoding(bigEndian, bom);
        var csv = Bytes("wide.csv", [.. codec.GetPreamble(), .. codec.GetBytes(Ages(200).Replace("group", "grüppe", StringComparison.Ordinal))]);
        var result = RunKeeping([csv], "profile", csv, "--out", _folder.File("m.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"transcoded from {reported}", result.Error);
        Assert.Matches(@"grüppe\s+Categorical", result.Output);
        Assert.DoesNotContain("\0", result.Output);
    }

    [Fact]
    public void A_binary_file_with_nul_bytes_is_refused_naming_the_line()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,2\n3,");
        var csv = Bytes("blob.csv", [.. bytes, 0, 7, 0, 1, 2, 3, 255 - 128, 10]);
        var model = _folder.File("m.synth");
        Refused(RunKeeping([csv], "train", csv, "--out", model), model, "blob.csv(3,", "NUL byte");
    }

    [Fact]
    public void Latin1_bytes_are_refused_with_line_and_field()
    {
        var csv = Bytes("latin.csv", [.. Encoding.UTF8.GetBytes("name,n\ncaf"), 0xE9, .. Encoding.UTF8.GetBytes(",1\n")]);
        Refused(RunKeeping([csv], "profile", csv), null, "latin.csv(2,1)", "not valid UTF-8");
    }

    // ---------- size and shape ----------

    [Fact]
    public void A_line_without_a_break_longer_than_the_limit_is_refused_naming_the_line()
    {
        var csv = Bytes("long.csv", [.. Encoding.ASCII.GetBytes("a,b\n1,"), .. Enumerable.Repeat((byte)'x', (16 << 20) + 10)]);
        var model = _folder.File("m.synth");
        Refused(RunKeeping([csv], "train", csv, "--out", model), model, "long.csv(2)", "Line 2 is longer than the maximum");
    }

    [Fact]
    public void A_folder_given_as_the_csv_is_named_as_a_folder()
    {
        var folder = _folder.File("data");
        Directory.CreateDirectory(folder);
        Refused(RunKeeping([folder], "profile", folder), null, "is a folder, not a file");
    }

    [Theory]
    [InlineData("", "empty (0 bytes)")]
    [InlineData("a,b\n", "header but no data rows")]
    [InlineData("   \n\n", "only whitespace")]
    public void Files_without_rows_are_refused(string text, string message)
    {
        var csv = Csv("e.csv", text);
        var model = _folder.File("m.synth");
        Refused(RunKeeping([csv], "train", csv, "--out", model), model, "e.csv", message);
    }

    // ---------- degenerate data trains ----------

    [Fact]
    public void A_one_row_csv_trains_with_point_masses_and_samples_that_row_shape()
    {
        // A label seen once does not repeat, so it is generated text; the numbers are point masses.
        var csv = Csv("one.csv", "age,group,score\n42,a,3.5\n");
        var output = TrainAndSample(csv, 20);
        Assert.All(Rows(output), row => Assert.Equal(("42", "3.5"), (row[0], row[2])));
        var inspect = RunKeeping([_folder.File("one.synth")], "inspect", _folder.File("one.synth"));
        Assert.Equal(0, inspect.ExitCode);
        Assert.Contains("fallback: 1 value, all equal, so a point mass", inspect.Output);
    }

    [Fact]
    public void A_column_with_one_non_missing_value_trains()
    {
        var csv = Csv("sparse.csv", "x,group\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{(i == 7 ? "5" : "")},{"ab"[i % 2]}\n")));
        var output = TrainAndSample(csv, 300);
        Assert.All(Rows(output), row => Assert.Contains(row[0], (string[])["", "5"]));
    }

    [Fact]
    public void Five_small_integers_train_with_a_note_in_the_fit_log()
    {
        var csv = Csv("five.csv", "n,g\n34,a\n45,b\n29,a\n51,b\n38,a\n");
        var output = TrainAndSample(csv, 100);
        Assert.All(Rows(output), row => Assert.InRange(int.Parse(row[0], CultureInfo.InvariantCulture), 29, 51));
    }

    [Fact]
    public void A_constant_column_and_a_two_value_column_train()
    {
        var csv = Csv("const.csv", "c,two,g\n" + string.Concat(Enumerable.Range(0, 4).Select(i => $"7,{(i % 2 == 0 ? "1.5" : "2.5")},{"ab"[i % 2]}\n")));
        var output = TrainAndSample(csv, 100);
        Assert.All(Rows(output), row => Assert.Equal("7", row[0]));
        var inspect = RunKeeping([_folder.File("const.synth")], "inspect", _folder.File("const.synth"));
        Assert.Contains("point mass", inspect.Output);
        Assert.Contains("uniform over the observed range", inspect.Output);
    }

    // ---------- conditions at the ends of the observed range ----------

    [Fact]
    public void A_condition_at_the_top_of_the_observed_range_is_met()
    {
        var csv = Csv("ages.csv", Ages(999) + "90,a\n90,b\n90,c\n");
        var model = _folder.File("ages.synth");
        Assert.Equal(0, RunKeeping([csv], "train", csv, "--out", model).ExitCode);
        foreach (var condition in (string[])["age>=90", "age=90", "age>89", "age<=18", "age<19"])
        {
            var output = _folder.File("c.csv");
            var result = RunKeeping([model], "sample", model, "--rows", "30", "--out", output, "--condition", condition);
            Assert.True(result.ExitCode == 0, condition + ": " + result.Error);
            var ages = Rows(output).Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
            Assert.All(ages, a => Assert.True(condition.StartsWith("age>", StringComparison.Ordinal) || condition == "age=90" ? a == 90 : a == 18, $"{condition}: {a}"));
        }
        var beyond = _folder.File("beyond.csv");
        Refused(RunKeeping([model], "sample", model, "--rows", "5", "--out", beyond, "--condition", "age>90"), beyond, "probability 0", "observed range 18..90");
    }

    // ---------- evaluation reads the same way ----------

    [Fact]
    public void Evaluate_reports_bad_cells_in_the_synthetic_file_by_name()
    {
        var real = Csv("real.csv", Ages(300));
        var synthetic = Csv("syn.csv", Ages(300, i => i == 4 ? "NaN" : null));
        var result = RunKeeping([real, synthetic], "evaluate", real, synthetic);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("syn.csv line 6, column 1 (age): 'NaN' is not an integer; read as missing", result.Error);
    }

    [Fact]
    public void Evaluate_strict_refuses_a_bad_cell_in_the_synthetic_file()
    {
        var real = Csv("real.csv", Ages(300));
        var synthetic = Csv("syn.csv", Ages(300, i => i == 4 ? "NaN" : null));
        var json = _folder.File("r.json");
        Refused(RunKeeping([real, synthetic], "evaluate", real, synthetic, "--strict", "--json", json), json, "syn.csv(6,1)");
    }

    // ---------- the profiler on repeated labels ----------

    [Fact]
    public void A_company_column_whose_labels_repeat_is_categorical_and_person_names_are_faked()
    {
        var text = new StringBuilder("company,name,amount\n");
        var first = new[] { "Ana", "Ben", "Chloe", "Dmitri", "Eva", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira" };
        var last = new[] { "Smith", "Okafor", "Moreau", "Tanaka", "Silva", "Novak", "Berg", "Quinn", "Rossi", "Walsh" };
        for (var i = 0; i < 2969; i++)
            text.Append(CultureInfo.InvariantCulture, $"Company {i % 174} Ltd,{first[i % 11]} {last[i / 11 % 10]} {"ABCDE"[i % 5]}.,{i % 500}\n");
        var csv = Csv("firms.csv", text.ToString());
        var result = RunKeeping([csv], "profile", csv, "--out", _folder.File("m.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"company\s+Categorical\s+174 distinct labels in 2969 values, 17.1 uses per label, 100% of values have a label that repeats", result.Output);
        Assert.Matches(@"name\s+\w+\s+PII:PersonName", result.Output);
    }
}
