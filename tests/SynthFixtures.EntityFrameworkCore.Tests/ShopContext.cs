using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SynthFixtures.EntityFrameworkCore.Tests;

public enum Tier { Bronze, Silver, Gold }

/// <summary>A parent entity whose table and column names differ from the C# names, with an enum stored as text.</summary>
public sealed class Customer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public Tier Tier { get; set; }
    public DateOnly Joined { get; set; }
    public bool Active { get; set; }
    public List<Order> Orders { get; set; } = [];
}

/// <summary>A child entity: a required foreign key to <see cref="Customer"/>, money, a timestamp, an optional Guid.</summary>
public sealed class Order
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public decimal Total { get; set; }
    public DateTime PlacedAt { get; set; }
    public Guid? Reference { get; set; }
}

/// <summary>A self-referencing entity: an optional manager in the same table.</summary>
public sealed class Employee
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int? ManagerId { get; set; }
    public Employee? Manager { get; set; }
}

/// <summary>The three entities on SQLite, named like a database a model was learned from (snake_case tables and columns).</summary>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Employee> Employees => Set<Employee>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Customer>(c =>
        {
            c.ToTable("customers");
            c.Property(x => x.Id).HasColumnName("customer_id");
            c.Property(x => x.Name).HasColumnName("name");
            c.Property(x => x.Tier).HasColumnName("tier").HasConversion<string>();
            c.Property(x => x.Joined).HasColumnName("joined");
            c.Property(x => x.Active).HasColumnName("active");
        });
        model.Entity<Order>(o =>
        {
            o.ToTable("orders");
            o.Property(x => x.Id).HasColumnName("order_id");
            o.Property(x => x.CustomerId).HasColumnName("customer_id");
            o.Property(x => x.Total).HasColumnName("total");
            o.Property(x => x.PlacedAt).HasColumnName("placed_at");
            o.Property(x => x.Reference).HasColumnName("reference");
            o.HasOne(x => x.Customer).WithMany(c => c.Orders).HasForeignKey(x => x.CustomerId).IsRequired();
        });
        model.Entity<Employee>(e =>
        {
            e.ToTable("employees");
            e.Property(x => x.ManagerId).HasColumnName("manager_id");
            e.HasOne(x => x.Manager).WithMany().HasForeignKey(x => x.ManagerId);
        });
    }
}

/// <summary>An in-memory SQLite database (alive while its connection is open) with the shop schema created.</summary>
public sealed class ShopDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public ShopDatabase()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    /// <summary>A fresh context on the database (EF Core's SQLite provider turns foreign-key enforcement on).</summary>
    public ShopContext NewContext() => new(new DbContextOptionsBuilder<ShopContext>().UseSqlite(_connection).Options);

    /// <summary>One number from SQL, straight from the connection.</summary>
    public long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();
}
