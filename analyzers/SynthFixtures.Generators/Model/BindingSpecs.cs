namespace SynthFixtures.Generators.Model;

/// <summary>
/// A trained model's schema as read from its <c>.synthschema</c> additional file; <see cref="ModelKind"/> is null when
/// the file names none, <see cref="Privacy"/> when it states no privacy guarantee.
/// </summary>
internal sealed record SchemaSpec(string ModelName, string Path, string? ModelKind, EquatableArray<SchemaColumnSpec> Columns,
    SchemaPrivacy? Privacy = null, bool IsDatabase = false, EquatableArray<TableSchemaSpec> Tables = default,
    EquatableArray<ForeignKeySchemaSpec> ForeignKeys = default, EquatableArray<SchemaRuleSpec> Rules = default, bool IsSequence = false);

/// <summary>
/// A rule the model keeps on every row, from a schema's <c>rule</c> line: <see cref="Kind"/> is <c>inequality</c>
/// (<see cref="Columns"/> = greater, lesser), <c>derived</c> (target, then operands), <c>fixedcombination</c> (the
/// members) or <c>identifier</c> (the column).
/// </summary>
internal sealed record SchemaRuleSpec(string Kind, EquatableArray<string> Columns, bool Strict);

/// <summary>One table of a learned database's schema: its primary key columns and its columns.</summary>
internal sealed record TableSchemaSpec(string Name, EquatableArray<string> PrimaryKey, EquatableArray<SchemaColumnSpec> Columns);

/// <summary>A foreign key of a learned database: the child's columns reference the parent's.</summary>
internal sealed record ForeignKeySchemaSpec(string ChildTable, EquatableArray<string> ChildColumns, string ParentTable, EquatableArray<string> ParentColumns)
{
    /// <summary>How a message shows the key: <c>orders(customer_id) → customers(customer_id)</c>.</summary>
    public string Display => ChildTable + "(" + string.Join(", ", ChildColumns) + ") → " + ParentTable + "(" + string.Join(", ", ParentColumns) + ")";
}

/// <summary>A model's privacy guarantee from its schema: ε and δ of a differentially private model, both null for a model without one.</summary>
internal sealed record SchemaPrivacy(double? Epsilon, double? Delta)
{
    /// <summary>A model without a differential-privacy guarantee.</summary>
    public static readonly SchemaPrivacy None = new(null, null);
}

/// <summary>
/// One column of a <see cref="SchemaSpec"/>; <see cref="Kind"/> is the runtime's ColumnKind in lower case, and
/// <see cref="Role"/> a sequence model's part for it (<see cref="SequenceRoles"/>), null in other schemas.
/// </summary>
internal sealed record SchemaColumnSpec(string Name, string Kind, double MissingRate, string? Minimum, string? Maximum,
    EquatableArray<string> Labels, string? Generator, string? Role = null);

/// <summary>The roles of a sequence schema's columns (the runtime's SequenceSchema writes them).</summary>
internal static class SequenceRoles
{
    /// <summary>Names the entity; one value per entity.</summary>
    public const string Entity = "entity";
    /// <summary>Orders the steps; one value per step.</summary>
    public const string Index = "index";
    /// <summary>Constant within an entity.</summary>
    public const string Context = "context";
    /// <summary>One value per step.</summary>
    public const string Step = "step";

    /// <summary>Whether a column of <paramref name="role"/> holds one value per entity.</summary>
    public static bool IsEntityLevel(string? role) => role is Entity or Context;
}

/// <summary>
/// Where a bound type's binding problems are reported: the [Synthesize] attribute, each property and, for a type with
/// a [Steps] property, each property of its step type.
/// </summary>
internal sealed record BindingSite(string TypeName, string From, LocationInfo? AttributeLocation, EquatableArray<PropertySite> Properties,
    EquatableArray<PropertySite> StepProperties = default);

/// <summary>A property's name and location.</summary>
internal sealed record PropertySite(string Name, LocationInfo? Location);

/// <summary>How a bound property reads its column.</summary>
internal enum ColumnRead
{
    Integer,
    Number,
    Decimal,
    Boolean,
    Text,
    DateTime,
    DateOnly,
    DateTimeOffset,
    Guid,
    Enum,
}

/// <summary>A property bound to a model column.</summary>
internal sealed record PropertyBinding(string Property, string Column, ColumnRead Read, bool ColumnHasMissing, EquatableArray<LabelBinding> Labels);

/// <summary>An enum property's mapping from a column label to a member.</summary>
internal sealed record LabelBinding(string Label, string Member);

/// <summary>
/// A binding problem: a descriptor id, the property it concerns (null: the type; <see cref="InSteps"/>: a property of
/// the step type) and the message arguments.
/// </summary>
internal sealed record BindingProblem(string Id, string? Property, EquatableArray<string> Arguments, bool InSteps = false);

/// <summary>
/// The result of binding a type to a model: the bindings (emitted when there are no errors), the problems, and the
/// model's kind and privacy guarantee as its schema states them (the generated synthesizer exposes them), and the
/// properties whose GreaterThan/LessThan the model keeps by construction (no row is checked for them).
/// </summary>
internal sealed record BindingPlan(string ModelName, EquatableArray<PropertyBinding> Bindings, EquatableArray<BindingProblem> Problems, bool HasErrors,
    string? ModelKind = null, SchemaPrivacy? Privacy = null, string? Table = null, EquatableArray<PrincipalBinding> Principals = default,
    EquatableArray<string> KeptOrderings = default,
    EquatableArray<PropertyBinding> StepBindings = default, bool IsSequence = false);

/// <summary>
/// A foreign-key property of a database-bound type: the bound property reads the key's column, and the parent row's
/// object, made by <see cref="PrincipalType"/>'s synthesizer in the same graph, comes along.
/// </summary>
internal sealed record PrincipalBinding(string Property, string PrincipalType);
