using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace SynthFixtures.EntityFrameworkCore;

/// <summary>
/// One seeding run on a DbContext: its own transaction (or the caller's, left to the caller), change detection off
/// while rows are added (each entry is added explicitly, so nothing else is discovered), and every entry it added
/// detached again if the run fails, so the context is left as it was.
/// </summary>
internal sealed class SeedingSession : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly IDbContextTransaction? _ownTransaction;
    private readonly bool _detectChanges;
    private readonly List<EntityEntry> _pending = [];
    private bool _completed;

    private SeedingSession(DbContext db, IDbContextTransaction? ownTransaction)
    {
        _db = db;
        _ownTransaction = ownTransaction;
        _detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
    }

    /// <summary>Starts a run, opening a transaction unless the caller has one.</summary>
    /// <exception cref="InvalidOperationException">The context has unsaved changes, which the seed's saves would write too.</exception>
    public static async Task<SeedingSession> StartAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
            throw new InvalidOperationException(
                $"{db.GetType().Name} has unsaved changes; save or discard them before seeding, so the seed writes only its own rows.");
        var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        return new SeedingSession(db, transaction);
    }

    /// <summary>Whether the run opened its own transaction (so a failure rolls everything back).</summary>
    public bool OwnsTransaction => _ownTransaction is not null;

    /// <summary>Marks an entity as added; it is inserted by the next <see cref="SaveAsync"/>.</summary>
    public void Add(EntityEntry entry)
    {
        entry.State = EntityState.Added;
        _pending.Add(entry);
    }

    /// <summary>Inserts the added entities; <paramref name="keepTracked"/> false detaches them afterwards to bound memory.</summary>
    /// <param name="what">The tables or types being inserted, for the message if the database refuses them.</param>
    /// <param name="keepTracked">Whether the saved entities stay tracked (as after <c>AddRange</c> and <c>SaveChanges</c>).</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    public async Task SaveAsync(string what, bool keepTracked, CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e)
        {
            throw new SynthDataException(
                $"The database refused the rows of {what}: {(e.InnerException ?? e).Message}",
                hint: OwnsTransaction
                    ? "Nothing was written: the seeding transaction was rolled back."
                    : "The rows are inside the caller's transaction; roll it back to leave the database as it was.",
                inner: e);
        }
        if (keepTracked) return;
        foreach (var entry in _pending) entry.State = EntityState.Detached;
        _pending.Clear();
    }

    /// <summary>Commits the run's own transaction.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_ownTransaction is not null) await _ownTransaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
    }

    /// <summary>Rolls back (by disposing an uncommitted transaction) and detaches what a failed run added.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
            foreach (var entry in _pending)
                entry.State = EntityState.Detached;
        _pending.Clear();
        _db.ChangeTracker.AutoDetectChangesEnabled = _detectChanges;
        if (_ownTransaction is not null) await _ownTransaction.DisposeAsync().ConfigureAwait(false);
    }
}
