using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SynthFixtures;

namespace Shop.Sample;

// The application's entity classes, each bound to a table of the shop database learned at build time (the
// <SynthDatabase> item in the project file): Customer.Synth.In(graph) reads the graph's sample of that table, checked
// against the learned columns at compile time. Navigations are EF Core's, not columns: [SynthIgnore].

[Synthesize(From = "../shop", Table = "customers")]
public sealed partial class Customer
{
    [Key] public int CustomerId { get; set; }
    public DateOnly SignupDate { get; set; }
    public string Country { get; set; } = "";
    public string Segment { get; set; } = "";
    [SynthIgnore] public List<Order> Orders { get; set; } = [];
}

[Synthesize(From = "../shop", Table = "products")]
public sealed partial class Product
{
    [Key] public int ProductId { get; set; }
    public string Category { get; set; } = "";
    public decimal ListPrice { get; set; }
}

[Synthesize(From = "../shop", Table = "orders")]
public sealed partial class Order
{
    [Key] public int OrderId { get; set; }
    [SynthForeignKey(typeof(Customer))] public int CustomerId { get; set; }
    [SynthIgnore] public Customer? Customer { get; set; }
    public DateOnly OrderDate { get; set; }
    public string Channel { get; set; } = "";
    public decimal Total { get; set; }
    [SynthIgnore] public List<OrderLine> Lines { get; set; } = [];
}

[Synthesize(From = "../shop", Table = "order_lines")]
public sealed partial class OrderLine
{
    [Key] public int LineId { get; set; }
    [SynthForeignKey(typeof(Order))] public int OrderId { get; set; }
    [SynthForeignKey(typeof(Product))] public int ProductId { get; set; }
    [SynthIgnore] public Product? Product { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}

/// <summary>The application's own EF Core model of the shop: C# names, mapped onto the snake_case tables.</summary>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public static ShopContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<ShopContext>().UseSqlite(connectionString).Options);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Customer>(e =>
        {
            e.ToTable("customers").HasKey(x => x.CustomerId);
            e.Property(x => x.CustomerId).HasColumnName("customer_id");
            e.Property(x => x.SignupDate).HasColumnName("signup_date");
            e.Property(x => x.Country).HasColumnName("country");
            e.Property(x => x.Segment).HasColumnName("segment");
        });
        model.Entity<Product>(e =>
        {
            e.ToTable("products").HasKey(x => x.ProductId);
            e.Property(x => x.ProductId).HasColumnName("product_id");
            e.Property(x => x.Category).HasColumnName("category");
            e.Property(x => x.ListPrice).HasColumnName("list_price");
        });
        model.Entity<Order>(e =>
        {
            e.ToTable("orders").HasKey(x => x.OrderId);
            e.Property(x => x.OrderId).HasColumnName("order_id");
            e.Property(x => x.CustomerId).HasColumnName("customer_id");
            e.Property(x => x.OrderDate).HasColumnName("order_date");
            e.Property(x => x.Channel).HasColumnName("channel");
            e.Property(x => x.Total).HasColumnName("total");
            e.HasOne(x => x.Customer).WithMany(c => c.Orders).HasForeignKey(x => x.CustomerId);
        });
        model.Entity<OrderLine>(e =>
        {
            e.ToTable("order_lines").HasKey(x => x.LineId);
            e.Property(x => x.LineId).HasColumnName("line_id");
            e.Property(x => x.OrderId).HasColumnName("order_id");
            e.Property(x => x.ProductId).HasColumnName("product_id");
            e.Property(x => x.Quantity).HasColumnName("quantity");
            e.Property(x => x.UnitPrice).HasColumnName("unit_price");
            e.HasOne<Order>().WithMany(o => o.Lines).HasForeignKey(x => x.OrderId);
            e.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId);
        });
    }
}
