namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// A parent column that equals the sum, over the parent's child rows through <see cref="Key"/>, of the product of
/// <see cref="Factors"/> (<c>Invoice.Total = Σ InvoiceLine.UnitPrice × InvoiceLine.Quantity</c>). A generated database
/// computes the column from its generated children, so the rule holds on every row.
/// </summary>
public sealed record ChildSumRule
{
    /// <summary>The parent table's column the sum is written to.</summary>
    public required string Column { get; init; }

    /// <summary>The foreign key from the child table to the parent table whose rows are summed over.</summary>
    public required ForeignKey Key { get; init; }

    /// <summary>The child columns multiplied together per child row (one column: a plain sum).</summary>
    public required IReadOnlyList<string> Factors { get; init; }

    /// <summary><c>Invoice.Total = SUM(InvoiceLine.UnitPrice * InvoiceLine.Quantity)</c>.</summary>
    public override string ToString() =>
        $"{Key.ParentTable}.{Column} = SUM({string.Join(" * ", Factors.Select(f => $"{Key.ChildTable}.{f}"))})";
}
