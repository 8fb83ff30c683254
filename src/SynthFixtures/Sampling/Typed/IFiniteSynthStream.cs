namespace SynthFixtures;

/// <summary>
/// A stream with an end: the rows of one table of a database sampled for a <see cref="SynthGraph"/> (types bound with
/// <c>[Synthesize(From = …, Table = …)]</c>). <see cref="Synth{T}"/> stops enumerating when it has no next object, so
/// <c>Order.Synth.In(graph).ToList()</c> is every order of the graph's database.
/// </summary>
public interface IFiniteSynthStream
{
    /// <summary>Whether <see cref="ISynthStream{T}.Next"/> has another object to give.</summary>
    bool HasNext { get; }
}

/// <summary>
/// The stream of a type bound to a table of a learned database: it makes the object of any row of the graph's sample of
/// that table, so a child's foreign key can bring its parent object along (<see cref="Sampling.Typed.DatabaseRows.Principal{T}"/>).
/// </summary>
/// <typeparam name="T">The bound type.</typeparam>
public interface IDatabaseRowStream<out T>
{
    /// <summary>The table's rows in the graph's sample.</summary>
    Sampling.Typed.DatabaseRows Rows { get; }

    /// <summary>The object of row <paramref name="row"/>: made once per graph, the same instance every time after.</summary>
    T At(int row);
}
