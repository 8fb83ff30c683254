using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation;

/// <summary>Why a column of the table has no quality score.</summary>
public enum UnscoredReason
{
    /// <summary>A key or identifier: generated fresh per row, so there is no learned distribution to compare.</summary>
    Identifier,

    /// <summary>Free text: generated as placeholder prose, never learned from the source.</summary>
    FreeText,

    /// <summary>Personal data (e-mail, phone, card number): faked, never learned from the source.</summary>
    PersonalData,
}

/// <summary>A column the quality report does not score, and why: it is generated, not learned.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Reason">Why it is not scored.</param>
public sealed record UnscoredColumn(string Column, UnscoredReason Reason)
{
    /// <summary>The reason in words, as the headline shows it ("free text", "personal data").</summary>
    public string ReasonText => Reason switch
    {
        UnscoredReason.Identifier => "identifier",
        UnscoredReason.FreeText => "free text",
        _ => "personal data",
    };

    /// <summary>The column of <paramref name="metadata"/> that is not modelled, with its reason; <c>null</c> for a modelled column.</summary>
    public static UnscoredColumn? Of(ColumnMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.IsModelled) return null;
        // Personal data first: an identifier or a text column that holds e-mails is reported for what matters most.
        var reason = metadata.Pii != PiiKind.None ? UnscoredReason.PersonalData
            : metadata.Kind == ColumnKind.Identifier ? UnscoredReason.Identifier
            : UnscoredReason.FreeText;
        return new UnscoredColumn(metadata.Name, reason);
    }
}
