using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Neural;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Models.Sequences;

/// <summary>
/// A PAR step model's bytes as the format wrote them before its JSON moved into the artifact's JSON context: they
/// still read, write back byte for byte, and sample the same steps as the model they were made from.
/// </summary>
public sealed class ParSavedBytesTests
{
    /// <summary>
    /// <see cref="Build"/>'s model as <c>ParModelCodec</c> wrote it with its own JSON context (a number with a missing
    /// token, a three-label column, a context label; 2 covariates; hidden width 3).
    /// </summary>
    private const string Saved =
        "UEFSU1RFUAHbAgAAeyJzdGVwcyI6eyJjb2x1bW5zIjpbeyJtZXRhZGF0YSI6eyJuYW1lIjoieCIsImtpbmQiOiJkZWNpbWFsIiwicGlpIjoibm"
        + "9uZSJ9LCJtb2RlcyI6eyJ3ZWlnaHRzIjpbMV0sIm1lYW5zIjpbMTIuNjYyOTYyOTYyOTYyOTYzXSwic3RhbmRhcmREZXZpYXRpb25zIjpbMy4y"
        + "MTIwNDk0Mzc4NTQ0MTI3XX0sImhhc01pc3NpbmciOnRydWUsImNhdGVnb3JpZXMiOm51bGwsIndpZHRoIjo0fSx7Im1ldGFkYXRhIjp7Im5hbW"
        + "UiOiJzdGF0ZSIsImtpbmQiOiJjYXRlZ29yaWNhbCIsInBpaSI6Im5vbmUifSwibW9kZXMiOm51bGwsImhhc01pc3NpbmciOmZhbHNlLCJjYXRl"
        + "Z29yaWVzIjpbImhpZ2giLCJsb3ciLCJtaWQiXSwid2lkdGgiOjN9XX0sImNvbnRleHQiOnsiY29sdW1ucyI6W3sibWV0YWRhdGEiOnsibmFtZS"
        + "I6Imdyb3VwIiwia2luZCI6ImNhdGVnb3JpY2FsIiwicGlpIjoibm9uZSJ9LCJtb2RlcyI6bnVsbCwiaGFzTWlzc2luZyI6ZmFsc2UsImNhdGVn"
        + "b3JpZXMiOlsiYSIsImIiXSwid2lkdGgiOjJ9XX0sImhpZGRlbldpZHRoIjozLCJsYXllcnMiOjEsInJhbmdlcyI6W3siY29sdW1uIjoieCIsIm"
        + "1pbmltdW0iOjcsIm1heGltdW0iOjE4LCJtaXNzaW5nUHJvYmFiaWxpdHkiOjAuMX0seyJjb2x1bW4iOiJzdGF0ZSIsIm1pbmltdW0iOm51bGws"
        + "Im1heGltdW0iOm51bGwsIm1pc3NpbmdQcm9iYWJpbGl0eSI6MH1dLCJtaXNzaW5nVG9rZW5zIjpbIk5BIixudWxsXSwiY292YXJpYXRlcyI6Mn"
        + "34H3Q9CFqRPjzxB74rrH++iNNJPgmqSz7zTn6+sSEKvqHzkD4OtX09th+ZvljYdzzFIJc+rMG6vcIYi77KECU+aahrPtjKYb5JeTG+M8OHPnsC"
        + "1z0vnZW+UCzzvMyHmT6R60K9gkCTvlI9+T0BMoM+PzxAvnnaVL6/FXc+zi4VPpTDjr7ANZe9XYGYPvx/P7umHpi+msiiPRuijT64Yhq+pntzvv"
        + "IgWT79hzs+5bmEvshA7r0/E5Q+yT4rPWOXmb4UYxE9jeiUPpot4r1XVoa++FI2Pu2wXT62c2++CP0fvvFWjD4CUq89UqKXvqgsGLwG3Jg+NYqK"
        + "vTzvj75xcw8+Qed6Pr0aUL7ORkW+cniBPr+MAj6VSpK+959cvddlmT54N7+8aFGWvhO/yj3GQYk+WBwsvicpZr5QbGc+5oYqPriuib7lI8e9AI"
        + "OWPv35rzyKWJm+7SBkPW3/kT5VRwS+PPSAvra8Rj5psk4+2v97vr7BDb7lQ5A+nNCGPTnzmL6JwjY8hnqXPpL6sr3b8ou+Op0hPsk/bj7JAl++"
        + "dsg0vjzMhj4woN493COVvoTJCb0IlJk+DM8yvZrRk75FxvE9Kj6EPmoKPb7pxVe+R6R0PqK6GD4HAI6+EhifvcM/mD4hoYo6aWOYvi7qmj2ZaI"
        + "4+lNkWvhzydb6zOlY+XL0+Ppiwg74VvvW9T4WTPp1bOz1njpm+WDEBPRlllT4cldq9BFCHvvUHMz7qfWA++eBsvsZzI77zf4s+Ehy3Pb5Ll75J"
        + "UFm8uguZPhmYgr30oZC+9tULPmM7fT7fFk2+eWBIvh1dgD7OOAY+u6iRvkKebL2yR5k+urmevCG5lr4FDsM9fSiKPpa6KL671mi+BbpkPpbkLT"
        + "64xIi+K9DOvZEXlj6SbtA8BXOZvkcdVD3OnZI+DpcAvlMMgr7MnkM+b7BRPhqneb7QWxG+142PPvS7jj3rv5i+NFzrO3vNlz5vLau9JMaMvqoj"
        + "Hj4RzHA+fDBcvqcOOL7Lz4U+FTHmPeejlL5Y7hm9WZmZPi61Ir3WW5S+dEXqPdpDhT4G0Tm+u6Vavrcocj4SPxw+gTaNvuvwpr1/95c+AN+kO0"
        + "ihmL7dCJM9lCiPPr9LE77KXHi+QEtTPsLoQT6JoYK+8Sv9vejwkj6lbUs9i36Zvif94Tyn2pU+B/XSvXdDiL5fti8+/j9jPiBFar4l4ia+0aKK"
        + "Pnvavj127pa+5CGNvH80mT6WQnW94U2RvkMzCD7Jgn8+rgpKvn9yS74HeX4+6d8JPvP/kL6flny9myKZPnGGfLwwGpe+qE+7PUEJiz4+TyW+SH"
        + "hrvqX8YT5vPDE+TdSHvqt31r2mpZU+V+PwPKmGmb5dC0Q99DWTPlvG+b3iHoO+PXZAPuelVD68QXe+Pu0Uvh7Rjj6OpZY9sIWYvr4EUjtwGZg+"
        + "SlajvZWTjb74oRo+RE5zPvZVWb6ITTu+v8yEPtm57T0dHZS+xxUqvcOXmT58ihK9j9+Uvg==";

    [Fact]
    public void Saved_PAR_bytes_read_and_write_back_byte_for_byte()
    {
        var saved = Convert.FromBase64String(Saved);
        var read = ParStepModel.FromBytes(saved, "saved.synth");
        Assert.Equal(saved, read.ToBytes());
        Assert.Equal(2, read.CovariateCount);
    }

    [Fact]
    public void Saved_PAR_bytes_sample_the_steps_of_the_model_they_were_written_from()
    {
        var built = Build();
        var read = ParStepModel.FromBytes(Convert.FromBase64String(Saved), "saved.synth");
        var contexts = new Table(["group"], [["a", "b", "a"]]);
        int[] lengths = [5, 3, 4];
        var covariates = lengths.Select(n => Enumerable.Range(0, n * 2).Select(i => MathF.Sin(i)).ToArray()).ToList();
        SequenceStepRequest Request() => new(contexts, lengths, 0, new SynthRandom(9), covariates);
        var a = built.SampleSteps(Request()).ToTable();
        var b = read.SampleSteps(Request()).ToTable();
        foreach (var column in new[] { "x", "state" }) Assert.Equal(a.Column(column), b.Column(column));
    }

    /// <summary>A small model with fixed, non-trivial weights: transformers fitted on an invented table with one seed.</summary>
    private static ParStepModel Build()
    {
        var random = new SynthRandom(3);
        var x = Enumerable.Range(0, 60).Select(i => i % 11 == 0 ? "NA" : (10 + 3 * Math.Sin(i) + (i % 2 == 0 ? 5 : 0)).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)).ToArray<string?>();
        var state = Enumerable.Range(0, 60).Select(i => (i % 3) switch { 0 => "low", 1 => "mid", _ => "high" }).ToArray<string?>();
        var steps = new Table(["x", "state"], [x.Select(v => v == "NA" ? null : v).ToArray(), state], ["NA", null]);
        var stepMetadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "x", Kind = ColumnKind.Decimal }, new ColumnMetadata { Name = "state", Kind = ColumnKind.Categorical }],
        };
        var stepTransformer = ModeSpecificTransformer.Fit(steps, stepMetadata, random.Derive("steps"));
        var context = new Table(["group"], [["a", "b", "b", "a"]]);
        var contextTransformer = ModeSpecificTransformer.Fit(context, new TableMetadata { Columns = [new ColumnMetadata { Name = "group", Kind = ColumnKind.Categorical }] },
            random.Derive("context"));
        var layout = new ParOutputLayout(stepTransformer);
        var input = layout.InputWidth(contextTransformer.Width, 2);
        var weights = new float[GruNetwork.ParameterCount(input, 3, 1, layout.OutputWidth)];
        for (var i = 0; i < weights.Length; i++) weights[i] = 0.3f * MathF.Sin(1.7f * i + 0.2f);
        var parameters = new ParModelParameters
        {
            Steps = stepTransformer.Parameters, Context = contextTransformer.Parameters, HiddenWidth = 3, Layers = 1,
            Ranges = [new NeuralColumnRange("x", 7, 18, 6 / 60.0), new NeuralColumnRange("state", null, null, 0)],
            MissingTokens = ["NA", null], Covariates = 2,
        };
        return new ParStepModel(parameters, new GruNetwork(input, 3, 1, layout.OutputWidth, weights));
    }
}
