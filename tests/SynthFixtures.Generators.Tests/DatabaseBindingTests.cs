using SynthFixtures.Generators.Tests.Infrastructure;

namespace SynthFixtures.Generators.Tests;

/// <summary>
/// [Synthesize(From = "data/shop", Table = "…")] types against the schema of a database learned at build time (the
/// shop.synthschema additional file a &lt;SynthDatabase&gt; item writes): every table-binding diagnostic, and the
/// generated code of bound types whose foreign keys bring their parents along.
/// </summary>
public sealed class DatabaseBindingTests
{
    private const string Usings = "using System; using SynthFixtures; using System.ComponentModel.DataAnnotations;\n";

    /// <summary>What DatabaseSchema.Write produces for a small shop with a self-referencing employees table.</summary>
    public const string ShopSchema = """
        synthfixtures-database-schema 1
        model	gaussiancopula
        privacy	none
        table	customers	key=customer_id
        column	customer_id	identifier	missing=0	generator=sequence
        column	country	categorical	missing=0	labels=ES,DE
        table	orders	key=order_id
        column	order_id	identifier	missing=0	generator=sequence
        column	customer_id	identifier	missing=0	generator=sequence
        column	order_date	datetime	missing=0	min=2022-01-03	max=2026-06-29
        column	total	decimal	missing=0
        table	employees	key=employee_id
        column	employee_id	identifier	missing=0	generator=sequence
        column	reports_to	identifier	missing=0.125	generator=sequence
        foreignkey	orders	customer_id	customers	customer_id
        foreignkey	employees	reports_to	employees	employee_id

        """;

    private static readonly (string, string)[] Files =
    [
        ("obj/Debug/net10.0/synthfixtures/shop.synthschema", ShopSchema),
        ("obj/Debug/net10.0/synthfixtures/people.synthschema", BindingTests.PeopleSchema),
    ];

    private const string Customer = """[Synthesize(From = "data/shop", Table = "customers")] public partial class Customer { [Key] public int CustomerId { get; set; } public string Country { get; set; } = ""; }""";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "SF0040", """[Synthesize(From = "data/nosuch", Table = "orders")] public partial class P { public int Total { get; set; } }""", "names a database the project does not learn; add <SynthDatabase Include=\"data/nosuch\" />" },
        { "SF0041", """[Synthesize(From = "data/shop", Table = "invoices")] public partial class P { public int Total { get; set; } }""", "'P' is bound to table 'invoices', which the database learned from data/shop does not have; its tables are: customers, orders, employees" },
        { "SF0042", Customer + """[Synthesize(From = "data/shop", Table = "orders")] public partial class Order { [Key] public int OrderId { get; set; } public decimal Total { get; set; } }""", "Table 'orders' has the foreign key orders(customer_id) → customers(customer_id), which no property of 'Order' holds" },
        { "SF0043", Customer + """[Synthesize(From = "data/shop", Table = "orders")] public partial class Order { [Key] public int OrderId { get; set; } public int CustomerId { get; set; } }""", "that column is the foreign key orders(customer_id) → customers(customer_id); mark 'CustomerId' [SynthForeignKey(typeof(X))]" },
        { "SF0043", """[Synthesize(From = "data/shop", Table = "employees")] public partial class Boss { [Key] public int EmployeeId { get; set; } [SynthForeignKey(typeof(Boss))] public int? ReportsTo { get; set; } } [Synthesize(From = "data/shop", Table = "orders")] public partial class Order { [Key] public int OrderId { get; set; } [SynthForeignKey(typeof(Boss))] public int CustomerId { get; set; } }""", "needs the type bound to table 'customers' of data/shop, and 'Boss' is bound to table 'employees'" },
        { "SF0043", Customer + """[Synthesize(From = "data/shop", Table = "orders")] public partial class Order { [Key] public int OrderId { get; set; } [SynthForeignKey(typeof(Customer))] public int CustomerId { get; set; } [SynthForeignKey(typeof(Customer))] public int OrderDate { get; set; } }""", "holds column 'order_date' of table 'orders' of data/shop, but that column is no single-column foreign key of the table" },
        { "SF0044", """[Synthesize(Table = "orders")] public partial class P { public int Total { get; set; } }""", "Table = \"orders\" needs From naming the learned database" },
        { "SF0044", """[Synthesize(From = "data/people.csv", Table = "people")] public partial class P { public int Age { get; set; } }""", "'data/people.csv' is learned as one table (a <SynthModel> item), not as a database" },
        { "SF0044", """[Synthesize(From = "data/shop")] public partial class P { public int Total { get; set; } }""", "'data/shop' is a learned database; name the table with Table = \"…\" (its tables: customers, orders, employees)" },
        { "SF0044", """[Synthesize(From = "data/shop", Table = "customers")] public partial class P { public int CustomerId { get; set; } [Key] public string Country { get; set; } = ""; }""", "its key 'Country' holds column 'country', but the primary key of table 'customers' of data/shop is (customer_id)" },
        { "SF0016", """[Synthesize(From = "data/shop", Table = "customers")] public partial class P { [Key] public int CustomerId { get; set; } public int Shoe { get; set; } }""", "'P.Shoe' matches no column of table 'customers' of data/shop" },
        { "SF0019", """[Synthesize(From = "data/shop", Table = "employees")] public partial class E { [Key] public int EmployeeId { get; set; } [SynthForeignKey(typeof(E))] public int ReportsTo { get; set; } }""", "Column 'reports_to' of table 'employees' of data/shop has missing values (12.5 % of rows) but property 'E.ReportsTo' cannot be null; make it 'int?'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_table_binding_problem_is_reported_and_says_what_to_do(string id, string source, string messagePart)
    {
        var outcome = GeneratorHarness.RunWithFiles([Usings + source], Files);

        outcome.SingleDiagnostic(id, messagePart);
        // The code still compiles: a type with binding errors gets its attribute-only synthesizer.
        Assert.DoesNotContain(outcome.CompileDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void Types_bound_to_tables_read_their_columns_bring_parents_along_and_compile_warning_free()
    {
        const string source = """
            using System;
            using System.ComponentModel.DataAnnotations;
            using SynthFixtures;
            namespace Shop;
            public enum Country { Spain, Germany }
            [Synthesize(From = "data/shop", Table = "customers")]
            public partial class Customer
            {
                [Key] public int CustomerId { get; set; }
                [OneOf("ES", "DE")] public string Country { get; set; } = "";
                [Fake("Name.FullName")] public string Name { get; set; } = "";
            }
            [Synthesize(From = "data/shop", Table = "orders")]
            public partial record Order
            {
                [Key] public int OrderId { get; init; }
                [SynthForeignKey(typeof(Customer))] public int CustomerId { get; init; }
                public DateOnly OrderDate { get; init; }
                public decimal Total { get; init; }
            }
            [Synthesize(From = "data/shop", Table = "employees")]
            public partial class Employee
            {
                [Key] public long EmployeeId { get; set; }
                [SynthForeignKey(typeof(Employee))] public long? ReportsTo { get; set; }
            }
            """;
        var outcome = GeneratorHarness.RunWithFiles([source], Files);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        ApprovedFiles.Verify("Order.Database", outcome.Source("Shop.Order.g.cs"));
        ApprovedFiles.Verify("Employee.Database", outcome.Source("Shop.Employee.g.cs"));
    }
}
