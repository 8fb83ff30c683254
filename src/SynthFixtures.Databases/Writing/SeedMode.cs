namespace SynthFixtures.Databases.Writing;

/// <summary>What a seed does with tables that already hold rows.</summary>
public enum SeedMode
{
    /// <summary>Write only into empty (or newly created) tables; refuse, before writing anything, when one holds rows.</summary>
    IntoEmpty,

    /// <summary>Empty the seeded tables first (children before parents), then write: the same dataset twice gives the same contents.</summary>
    Truncate,

    /// <summary>Add the rows to what the tables already hold (keys must not collide).</summary>
    Append,
}
