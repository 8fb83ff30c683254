namespace SynthFixtures.Metadata;

/// <summary>Kinds of personally identifying values the profiler recognises; such columns are faked, never learned.</summary>
public enum PiiKind
{
    /// <summary>Not personally identifying as far as the profiler can tell.</summary>
    None,
    /// <summary>E-mail addresses.</summary>
    Email,
    /// <summary>Phone numbers.</summary>
    Phone,
    /// <summary>Payment-card-like numbers (13–19 digits passing the Luhn check).</summary>
    CardNumber,
    /// <summary>People's names, in a column whose name says so (first_name, full name, customer, …).</summary>
    PersonName,
    /// <summary>Street addresses (a number and words), in a column whose name says address or street.</summary>
    StreetAddress,
}
