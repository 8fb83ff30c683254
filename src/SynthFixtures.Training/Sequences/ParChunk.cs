using SynthFixtures.Training.Networks;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Sequences;

/// <summary>
/// One chunk of a batch of entities as tensors: steps <c>[start, start + time)</c> of each, teacher-forced (each step's
/// input is the real previous step's encoding, the first-step flag, the context and the step's own covariates), padded at the end for entities
/// that end sooner, and the flat positions (<c>b · time + t</c>) of the real steps with each head's targets there.
/// </summary>
internal sealed class ParChunk : IDisposable
{
    private readonly List<Tensor> _owned = [];

    private ParChunk() { }

    /// <summary>Inputs, <c>[batch, time, in]</c>.</summary>
    public Tensor Inputs { get; private set; } = null!;

    /// <summary>Flat indices of the real steps, <c>[Count]</c>.</summary>
    public Tensor Positions { get; private set; } = null!;

    /// <summary>Per head: the label or mode to predict (or <see cref="ParTrainingData.Ignored"/>), <c>[Count]</c>.</summary>
    public Tensor[] Classes { get; private set; } = [];

    /// <summary>Per head: the mode whose Gaussian scores α (0 where the number is missing), <c>[Count, 1]</c>.</summary>
    public Tensor[] Modes { get; private set; } = [];

    /// <summary>Per head: 1 where the number is missing, <c>[Count]</c>.</summary>
    public Tensor[] Missing { get; private set; } = [];

    /// <summary>Per head: α, <c>[Count]</c>.</summary>
    public Tensor[] Alphas { get; private set; } = [];

    /// <summary>Per head: 1 where α is scored (a present number), else 0, <c>[Count]</c>.</summary>
    public Tensor[] AlphaMasks { get; private set; } = [];

    /// <summary>Real steps in the chunk.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The chunk of <paramref name="members"/> (parts of entities) from step <paramref name="start"/>, <paramref name="time"/>
    /// steps long; a member's steps before its <see cref="ParSpan.ScoredFrom"/> are inputs only, not scored.
    /// </summary>
    public static ParChunk Of(ParTrainingData data, ParSpan[] members, int start, int time)
    {
        var width = data.Steps.Width;
        var contextWidth = data.ContextWidth;
        var inputWidth = data.InputWidth;
        var covariates = data.CovariateCount;
        var inputs = new float[members.Length * time * inputWidth];
        var positions = new List<long>();
        var rows = new List<int>();
        for (var b = 0; b < members.Length; b++)
        {
            var member = members[b];
            var entity = data.Set.Entities[member.Entity];
            for (var t = 0; t < time && start + t < member.Length; t++)
            {
                var step = start + t;
                var at = (b * time + t) * inputWidth;
                if (step == 0) inputs[at + width] = 1;
                else data.Encoded.AsSpan(entity.Rows[step - 1] * width, width).CopyTo(inputs.AsSpan(at));
                data.Contexts.AsSpan(member.Entity * contextWidth, contextWidth).CopyTo(inputs.AsSpan(at + width + 1));
                data.Covariates.AsSpan(entity.Rows[step] * covariates, covariates).CopyTo(inputs.AsSpan(at + width + 1 + contextWidth));
                if (step < member.ScoredFrom) continue;
                positions.Add(b * time + t);
                rows.Add(entity.Rows[step]);
            }
        }
        var heads = data.Layout.Heads.Count;
        var chunk = new ParChunk { Count = rows.Count };
        chunk.Inputs = chunk.Own(NativeTensors.From(inputs, [members.Length, time, inputWidth]));   // a matrix operand: see NativeTensors
        chunk.Positions = chunk.Own(tensor(positions.ToArray()));
        chunk.Classes = new Tensor[heads];
        chunk.Modes = new Tensor[heads];
        chunk.Missing = new Tensor[heads];
        chunk.Alphas = new Tensor[heads];
        chunk.AlphaMasks = new Tensor[heads];
        for (var h = 0; h < heads; h++)
        {
            var classes = rows.Select(r => data.Classes[h][r]).ToArray();
            chunk.Classes[h] = chunk.Own(tensor(classes));
            if (!data.Layout.Heads[h].IsNumeric) continue;
            chunk.Modes[h] = chunk.Own(tensor(classes.Select(c => Math.Max(c, 0)).ToArray(), [classes.Length, 1]));
            chunk.Missing[h] = chunk.Own(tensor(rows.Select(r => data.MissingFlags[h][r]).ToArray()));
            chunk.Alphas[h] = chunk.Own(tensor(rows.Select(r => data.Alphas[h][r]).ToArray()));
            chunk.AlphaMasks[h] = chunk.Own(tensor(classes.Select(c => c == ParTrainingData.Ignored ? 0f : 1f).ToArray()));
        }
        return chunk;
    }

    private Tensor Own(Tensor tensor)
    {
        _owned.Add(tensor);
        return tensor;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in _owned) tensor.Dispose();
    }
}
