using System.Text;
using System.Text.Json;
using SynthFixtures.Evaluation.Privacy;

namespace SynthFixtures.Evaluation.Report;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> as JSON. The quality report's properties come first, unchanged
/// (<c>overall</c>, <c>columnShapes</c>, <c>columnPairTrends</c>, <c>columns</c>, <c>pairs</c>), so readers of the
/// quality-only JSON keep working; then <c>diagnostic</c>, <c>privacy</c>, <c>utility</c> (null when not computed) and
/// <c>audit</c>. Deterministic apart from the timings in <c>audit.timingsSeconds</c> and <c>privacy.searchSeconds</c>.
/// </summary>
public static class EvaluationReportJson
{
    /// <summary>The report as an indented JSON document.</summary>
    public static string Serialize(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            QualityReportJson.WriteProperties(json, report.Quality);
            WriteDiagnostic(json, report);
            WritePrivacy(json, report.Privacy);
            WriteUtility(json, report);
            WriteAudit(json, report.Audit);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, EvaluationReport report)
    {
        var d = report.Diagnostic;
        json.WriteStartObject("diagnostic");
        json.WriteNumber("overall", d.Overall);
        json.WriteNumber("validity", d.Validity);
        json.WriteNumber("structure", d.Structure);
        json.WriteNumber("missingValueSimilarity", d.MissingValueSimilarity);
        WriteStrings(json, "missingColumns", d.MissingColumns);
        WriteStrings(json, "extraColumns", d.ExtraColumns);
        json.WriteStartArray("columns");
        foreach (var c in d.Columns)
        {
            json.WriteStartObject();
            json.WriteString("column", c.Column);
            json.WriteString("check", c.Check.ToString());
            json.WriteNumber("score", c.Score);
            json.WriteNumber("invalidCells", c.InvalidCells);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("missingValues");
        foreach (var m in d.MissingValues)
        {
            json.WriteStartObject();
            json.WriteString("column", m.Column);
            json.WriteNumber("realRate", m.RealRate);
            json.WriteNumber("syntheticRate", m.SyntheticRate);
            json.WriteNumber("similarity", m.Similarity);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "failures", d.Failures.Select(f => f.Column).ToArray());
        json.WriteEndObject();
    }

    private static void WritePrivacy(Utf8JsonWriter json, PrivacyReport p)
    {
        json.WriteStartObject("privacy");
        json.WriteNumber("trainingRows", p.TrainingRows);
        json.WriteNumber("syntheticRows", p.SyntheticRows);
        json.WriteNumber("holdoutRows", p.HoldoutRows);
        WriteDcr(json, "syntheticDcr", p.SyntheticDcr);
        WriteDcr(json, "randomDcr", p.RandomDcr);
        json.WriteNumber("dcrBaselineProtection", p.DcrBaselineProtection);
        if (p.DcrOverfitting is { } o)
        {
            json.WriteStartObject("dcrOverfittingProtection");
            json.WriteNumber("score", o.Score);
            json.WriteNumber("shareCloserToTraining", o.ShareCloserToTraining);
            json.WriteNumber("expectedShare", o.ExpectedShare);
            json.WriteEndObject();
        }
        else json.WriteNull("dcrOverfittingProtection");
        json.WriteStartObject("newRowSynthesis");
        json.WriteNumber("score", p.NewRows.Score);
        json.WriteNumber("exactCopies", p.NewRows.ExactCopies);
        json.WriteNumber("nearCopies", p.NewRows.NearCopies);
        json.WriteEndObject();
        if (p.MembershipInference is { } m)
        {
            json.WriteStartObject("membershipInference");
            json.WriteNumber("auc", m.Auc);
            json.WriteNumber("score", m.Score);
            json.WriteNumber("members", m.Members);
            json.WriteNumber("nonMembers", m.NonMembers);
            json.WriteEndObject();
        }
        else json.WriteNull("membershipInference");
        json.WriteNumber("pairsSearched", p.PairsSearched);
        json.WriteNumber("searchSeconds", Math.Round(p.SearchTime.TotalSeconds, 3));
        json.WriteEndObject();
    }

    private static void WriteDcr(Utf8JsonWriter json, string name, DcrSummary s)
    {
        json.WriteStartObject(name);
        json.WriteNumber("median", s.Median);
        json.WriteNumber("mean", s.Mean);
        json.WriteNumber("percentile5", s.Percentile5);
        json.WriteNumber("zeroShare", s.ZeroShare);
        json.WriteEndObject();
    }

    private static void WriteUtility(Utf8JsonWriter json, EvaluationReport report)
    {
        if (report.Utility is not { } u)
        {
            json.WriteNull("utility");
            return;
        }
        json.WriteStartObject("utility");
        if (u.Target is null) json.WriteNull("target");
        else json.WriteString("target", u.Target);
        if (u.Task is { } task) json.WriteString("task", task.ToString());
        else json.WriteNull("task");
        QualityReportJson.WriteNullable(json, "ratio", u.Ratio);
        json.WriteStartArray("scores");
        foreach (var s in u.Scores)
        {
            json.WriteStartObject();
            json.WriteString("learner", s.Learner);
            json.WriteString("metric", s.Metric);
            json.WriteNumber("realTrained", s.RealTrained);
            json.WriteNumber("syntheticTrained", s.SyntheticTrained);
            json.WriteNumber("ratio", s.Ratio);
            QualityReportJson.WriteNullable(json, "realTrainedAccuracy", s.RealTrainedAccuracy);
            QualityReportJson.WriteNullable(json, "syntheticTrainedAccuracy", s.SyntheticTrainedAccuracy);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (u.Detection is { } d)
        {
            json.WriteStartObject("detection");
            json.WriteString("learner", d.Learner);
            json.WriteNumber("auc", d.Auc);
            json.WriteNumber("score", d.Score);
            json.WriteNumber("folds", d.Folds);
            json.WriteNumber("rowsPerSide", d.RowsPerSide);
            json.WriteEndObject();
        }
        else json.WriteNull("detection");
        json.WriteEndObject();
    }

    private static void WriteAudit(Utf8JsonWriter json, EvaluationAudit a)
    {
        json.WriteStartObject("audit");
        WriteSource(json, "training", a.Training);
        WriteSource(json, "synthetic", a.Synthetic);
        if (a.Holdout is { } h) WriteSource(json, "holdout", h);
        else json.WriteNull("holdout");
        json.WriteNumber("seed", a.Seed);
        if (a.Model is { } m)
        {
            json.WriteStartObject("model");
            json.WriteString("path", m.Path);
            json.WriteString("kind", m.Kind);
            json.WriteNumber("seed", m.Seed);
            json.WriteString("sourceDataSha256", m.SourceDataSha256);
            json.WriteNumber("sourceRows", m.SourceRows);
            json.WriteBoolean("trainedOnEvaluatedData", m.TrainedOnEvaluatedData);
            json.WriteStartObject("settings");
            foreach (var (key, value) in m.Settings) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else json.WriteNull("model");
        json.WriteString("toolVersion", a.ToolVersion);
        json.WriteStartObject("timingsSeconds");
        foreach (var (name, time) in a.Timings) json.WriteNumber(name, Math.Round(time.TotalSeconds, 3));
        json.WriteNumber("total", Math.Round(a.Total.TotalSeconds, 3));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, string name, DataSource s)
    {
        json.WriteStartObject(name);
        json.WriteString("name", s.Name);
        json.WriteString("sha256", s.Sha256);
        json.WriteNumber("rows", s.Rows);
        json.WriteNumber("columns", s.Columns);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
