using SynthFixtures.Models.Sequences;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Models.Sequences;

/// <summary>
/// A sequence model written before the trend covariates (an integer index, so no covariates then) still reads, samples
/// the steps it sampled then and writes back its exact bytes. The file and its sample were made by the release that had
/// no trend covariates (the invented panel: 8 units, 6 yearly steps from 2000–2003, lagged copula, seed 1; sample of 8
/// entities with seed 3).
/// </summary>
public sealed class TrendlessArtifactTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_artifact_without_trend_covariates_samples_as_before_and_keeps_its_bytes()
    {
        var bytes = Convert.FromBase64String(string.Concat(
            "U1lOVEhTRVEBAAAACwUAAHsiZm9ybWF0VmVyc2lvbiI6MSwicHJvZHVjZXIiOiJTeW50aEZpeHR1cmVzIDAuMS4wIiwic3RlcEtpbmQiOiJsYWdnZWQtY29w",
            "dWxhIiwic2VxdWVuY2UiOnsiZW50aXR5IjpbInVuaXQiXSwiaW5kZXgiOiJ5ZWFyIiwiY29udGV4dCI6W119LCJtZXRhZGF0YSI6eyJzY2hlbWFWZXJzaW9u",
            "IjoxLCJjb2x1bW5zIjpbeyJuYW1lIjoidW5pdCIsImtpbmQiOiJjYXRlZ29yaWNhbCIsInBpaSI6Im5vbmUiLCJldmlkZW5jZSI6IjggZGlzdGluY3QgbGFi",
            "ZWxzIGluIDQ4IHZhbHVlcywgNiB1c2VzIHBlciBsYWJlbCwgMTAwJSBvZiB2YWx1ZXMgaGF2ZSBhIGxhYmVsIHRoYXQgcmVwZWF0cyAoY2F0ZWdvcmljYWwg",
            "ZnJvbSA4MCUsIG9yIHVwIHRvIDUwIGxhYmVscykifSx7Im5hbWUiOiJ5ZWFyIiwia2luZCI6ImludGVnZXIiLCJwaWkiOiJub25lIiwiZXZpZGVuY2UiOiI0",
            "OC80OCB2YWx1ZXMgcGFyc2UgYXMgaW50ZWdlcnM7IDggZGlzdGluY3QifSx7Im5hbWUiOiJ4Iiwia2luZCI6ImRlY2ltYWwiLCJkZWNpbWFsUGxhY2VzIjoy",
            "LCJwaWkiOiJub25lIiwiZXZpZGVuY2UiOiI0OC80OCB2YWx1ZXMgcGFyc2UgYXMgZGVjaW1hbCBudW1iZXJzOyA0NyBkaXN0aW5jdDsgdXAgdG8gMiBkZWNp",
            "bWFsIHBsYWNlcyJ9XSwicHJpbWFyeUtleSI6bnVsbH0sImNvbnRleHQiOnsibGVuZ3RoQ29sdW1uIjoic2VxdWVuY2VfbGVuZ3RoIiwic3RhcnRDb2x1bW4i",
            "OiJzZXF1ZW5jZV9zdGFydCIsIm1pbkxlbmd0aCI6NiwibWF4TGVuZ3RoIjo2fSwiaW5kZXgiOnsic3RlcCI6eyJpbmRleEtpbmQiOiJpbnRlZ2VyIiwia2lu",
            "ZCI6ImZpeGVkIiwic2l6ZSI6MSwibW9udGhFbmQiOmZhbHNlLCJwaGFzZSI6MCwiYW5jaG9yRGF5IjpudWxsLCJ0aW1lT2ZEYXkiOm51bGwsImlzUmVndWxh",
            "ciI6dHJ1ZX0sInN0ZXBDb2x1bW4iOm51bGwsInVuaXQiOjEsInR5cGljYWxTdGFydCI6MjAwMiwic2tpcHBlZFZhbHVlcyI6bnVsbCwia2luZCI6ImludGVn",
            "ZXIifSwiZW50aXR5S2V5cyI6W3siY29sdW1uIjoidW5pdCIsInNoYXBlIjoiY29kZSIsInN0YXJ0IjoxLCJwcmVmaXgiOiJ1IiwiZGlnaXRzIjoxLCJ0ZW1w",
            "bGF0ZSI6IiJ9XSwicHJvdmVuYW5jZSI6eyJzb3VyY2VEYXRhU2hhMjU2IjoiYjFiZTUzMTA5YWU1MzZlMGNjMTllMjc2OTliNmU4NzJmYzBmNzU3MzRiNDcy",
            "ZGM3ODg5MWE2MDdiNTFmYTcwNSIsInNvdXJjZVJvd3MiOjQ4LCJzZWVkIjoxLCJzb3VyY2VOYW1lIjoib2xkLmNzdiJ9LCJzb3VyY2VFbnRpdGllcyI6OCwi",
            "Y29udGV4dE1vZGVsTGVuZ3RoIjoxMzc1LCJzdGVwTW9kZWxMZW5ndGgiOjY0Nn3lBwAAAAAAAFNZTlRIRlgKAgAAACcFAAB7ImZvcm1hdFZlcnNpb24iOjIs",
            "Im1vZGVsS2luZCI6ImdhdXNzaWFuY29wdWxhIiwicHJvZHVjZXIiOiJTeW50aEZpeHR1cmVzIDAuMS4wIiwibWV0YWRhdGEiOnsic2NoZW1hVmVyc2lvbiI6",
            "MSwiY29sdW1ucyI6W3sibmFtZSI6InNlcXVlbmNlX2xlbmd0aCIsImtpbmQiOiJjYXRlZ29yaWNhbCIsInBpaSI6Im5vbmUiLCJldmlkZW5jZSI6InN0ZXBz",
            "IHBlciBlbnRpdHk7IDEgZGlzdGluY3QgdmFsdWVzLCBsZWFybmVkIGFzIGxhYmVscyJ9LHsibmFtZSI6InNlcXVlbmNlX3N0YXJ0Iiwia2luZCI6ImNhdGVn",
            "b3JpY2FsIiwicGlpIjoibm9uZSIsImV2aWRlbmNlIjoid2hlcmUgZWFjaCBlbnRpdHlcdTAwMjdzIGluZGV4IHN0YXJ0czsgMyBkaXN0aW5jdCB2YWx1ZXMs",
            "IGxlYXJuZWQgYXMgbGFiZWxzIn1dLCJwcmltYXJ5S2V5IjpudWxsfSwicHJvdmVuYW5jZSI6eyJzb3VyY2VEYXRhU2hhMjU2IjoiYmQ0ZTIwYzAwMGYwZDkx",
            "ODMwMDVmZmFkZjVlZWE4MzYwODdmMTg4MzMwYTQ5OTQ1MzkyNjI5NWQ0ODQwY2ZlNCIsInNvdXJjZVJvd3MiOjgsInNlZWQiOjEsInNvdXJjZU5hbWUiOiJv",
            "bGQuY3N2In0sInRyYWluaW5nU2V0dGluZ3MiOnsic2VlZCI6MSwibWFyZ2luYWxGYW1pbGllcyI6bnVsbCwiYXRvbU1pbmltdW1GcmFjdGlvbiI6MC4wMDUs",
            "ImF0b21NaW5pbXVtQ291bnQiOjEwfSwicGFyYW1ldGVycyI6eyJjb2x1bW5zIjpbeyJuYW1lIjoic2VxdWVuY2VfbGVuZ3RoIiwiZW5jb2RpbmciOiJjYXRl",
            "Z29yaWNhbCIsIm1pbmltdW0iOm51bGwsIm1heGltdW0iOm51bGwsIm1pc3NpbmdQcm9iYWJpbGl0eSI6bnVsbCwiYXRvbVZhbHVlcyI6bnVsbCwiYXRvbVBy",
            "b2JhYmlsaXRpZXMiOm51bGwsImNvbnRpbnVvdXNGYW1pbHkiOm51bGwsImNvbnRpbnVvdXNQYXJhbWV0ZXJzIjpudWxsLCJjYXRlZ29yaWVzIjpbIjYiXSwi",
            "cHJvYmFiaWxpdGllcyI6WzFdfSx7Im5hbWUiOiJzZXF1ZW5jZV9zdGFydCIsImVuY29kaW5nIjoiY2F0ZWdvcmljYWwiLCJtaW5pbXVtIjpudWxsLCJtYXhp",
            "bXVtIjpudWxsLCJtaXNzaW5nUHJvYmFiaWxpdHkiOm51bGwsImF0b21WYWx1ZXMiOm51bGwsImF0b21Qcm9iYWJpbGl0aWVzIjpudWxsLCJjb250aW51b3Vz",
            "RmFtaWx5IjpudWxsLCJjb250aW51b3VzUGFyYW1ldGVycyI6bnVsbCwiY2F0ZWdvcmllcyI6WyIyMDAyIiwiMjAwMSIsIjIwMDMiXSwicHJvYmFiaWxpdGll",
            "cyI6WzAuMjUsMC4zNzUsMC4zNzVdfV0sImNvcnJlbGF0aW9uIjpbWzEsMC41NTYxNjI0NTMyNDY0Mzc0XSxbMC41NTYxNjI0NTMyNDY0Mzc0LDFdXSwiZ2Vu",
            "ZXJhdGVkIjpbXSwibWlzc2luZ1Rva2VucyI6W251bGwsbnVsbF19fQAAAAAAAAAA7BNHfm2G1h7+tnj5Q5KBec3N/2teXPfnuw83gJaYMbJ7ImZvcm1hdCI6",
            "MSwib3B0aW9ucyI6eyJsYWdzIjoxLCJzZWVkIjoxfSwic3RlcENvbHVtbnMiOlt7Im5hbWUiOiJ4Iiwia2luZCI6ImRlY2ltYWwiLCJkZWNpbWFsUGxhY2Vz",
            "IjoyLCJwaWkiOiJub25lIiwiZXZpZGVuY2UiOiI0OC80OCB2YWx1ZXMgcGFyc2UgYXMgZGVjaW1hbCBudW1iZXJzOyA0NyBkaXN0aW5jdDsgdXAgdG8gMiBk",
            "ZWNpbWFsIHBsYWNlcyJ9XSwiY29udGV4dENvbHVtbnMiOltdLCJzdGVwTWFyZ2luYWxzIjpbeyJuYW1lIjoieCIsImVuY29kaW5nIjoibnVtZXJpYyIsIm1p",
            "bmltdW0iOi0xLjI4LCJtYXhpbXVtIjo0LjM2LCJtaXNzaW5nUHJvYmFiaWxpdHkiOjAsImF0b21WYWx1ZXMiOltdLCJhdG9tUHJvYmFiaWxpdGllcyI6W10s",
            "ImNvbnRpbnVvdXNGYW1pbHkiOiJub3JtYWwiLCJjb250aW51b3VzUGFyYW1ldGVycyI6WzEuMzAzNTQxNjY2NjY2NjY2NiwxLjI1ODA2NDE4MjYxODkzNjNd",
            "LCJjYXRlZ29yaWVzIjpudWxsLCJwcm9iYWJpbGl0aWVzIjpudWxsfV0sImNvbnRleHRNYXJnaW5hbHMiOltdLCJzdGVwTWlzc2luZ1Rva2VucyI6W251bGxd",
            "LCJmaXJzdFN0ZXBDb3JyZWxhdGlvbiI6W1sxXV0sImxhZ2dlZENvcnJlbGF0aW9uIjpbWzEsMC44MjI0NjAxNjUyNjI1NzRdLFswLjgyMjQ2MDE2NTI2MjU3",
            "NCwxXV19QVaDd074ZNK4zDeA9hcCLSBBnYU9Ah3tDkbqY7Df5+c="));
        var model = SequenceModelArtifact.FromBytes(bytes);
        Assert.Null(model.Covariates);
        Assert.Equal(0, model.StepModel.CovariateCount);
        Assert.Equal(bytes, SequenceModelArtifact.ToBytes(model));

        foreach (var threads in new[] { 1, 2 })
        {
            var path = _folder.File($"sample-{threads}.csv");
            SequenceSamplingService.Sample(new SequenceSamplingRequest
            {
                Model = model, Entities = 8, OutputPath = path, Seed = 3, Options = new SamplingOptions { MaxDegreeOfParallelism = threads },
            });
            Assert.Equal(Sample + "\n", File.ReadAllText(path));
        }
    }

    private const string Sample = """
unit,year,x
u1,2001,1.37
u1,2002,1.16
u1,2003,-0.49
u1,2004,0.70
u1,2005,1.44
u1,2006,0.30
u2,2001,0.37
u2,2002,-0.01
u2,2003,0.46
u2,2004,0.43
u2,2005,1.91
u2,2006,0.99
u3,2003,2.11
u3,2004,1.91
u3,2005,1.90
u3,2006,0.20
u3,2007,1.48
u3,2008,1.15
u4,2001,1.13
u4,2002,0.90
u4,2003,1.40
u4,2004,1.11
u4,2005,0.33
u4,2006,0.39
u5,2003,0.83
u5,2004,0.31
u5,2005,0.56
u5,2006,2.24
u5,2007,1.05
u5,2008,1.56
u6,2001,0.90
u6,2002,1.59
u6,2003,0.72
u6,2004,0.38
u6,2005,-0.02
u6,2006,1.48
u7,2001,0.47
u7,2002,0.05
u7,2003,-0.48
u7,2004,0.10
u7,2005,1.47
u7,2006,2.81
u8,2002,0.61
u8,2003,0.44
u8,2004,0.44
u8,2005,0.03
u8,2006,-0.02
u8,2007,-0.31
""";
}
