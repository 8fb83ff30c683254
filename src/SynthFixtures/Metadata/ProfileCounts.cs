namespace SynthFixtures.Metadata;

/// <summary>
/// The counts the private profiler measures for one column, and how one cell adds to them. Every count is a number of
/// rows, and the counts come in groups that are one-hot per cell: a cell has exactly one <see cref="CellShape"/>, at
/// most one boolean word, at most one number of decimal places, at most one first date format that reads it and at
/// most one kind of personal data. Adding or removing a row therefore changes each group in one count by 1, and the
/// column's distinct-value and singleton counts by at most 1 each: the vector's squared L2 sensitivity is
/// <see cref="SquaredSensitivity"/> (5 + 2), however many counts it holds.
/// </summary>
internal sealed class ProfileCounts
{
    /// <summary>Five one-hot groups and two counts that one row moves by at most 1 each.</summary>
    public const int SquaredSensitivity = 7;

    /// <summary>Decimal places told apart (0 … 15, as <see cref="NumberShape.IsDecimal"/> clamps them).</summary>
    public const int PlacesBins = 16;

    /// <summary>The personal-data kinds, in the order <see cref="PiiDetector"/> tries them (first match counts).</summary>
    public static readonly PiiKind[] PiiKinds = [PiiKind.CardNumber, PiiKind.Email, PiiKind.Phone, PiiKind.PersonName, PiiKind.StreetAddress];

    /// <summary>The words of every boolean pair (true, false, yes, no, y, n, t, f, 1, 0), compared ignoring case.</summary>
    public static readonly string[] BooleanWords =
        BooleanTokens.PairList.SelectMany(p => new[] { p.True, p.False }).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    public ProfileCounts(IReadOnlyList<string> dateFormats)
    {
        DateFormats = dateFormats;
        BooleanAt = (int)CellShape.Text + 1;
        PlacesAt = BooleanAt + BooleanWords.Length;
        DateAt = PlacesAt + PlacesBins;
        PiiAt = DateAt + dateFormats.Count;
        DistinctAt = PiiAt + PiiKinds.Length;
        SingletonsAt = DistinctAt + 1;
        Length = SingletonsAt + 1;
    }

    /// <summary>The candidate date formats, in order of preference.</summary>
    public IReadOnlyList<string> DateFormats { get; }

    /// <summary>Where each group starts in the vector (the shapes start at 0).</summary>
    public int BooleanAt { get; }

    /// <inheritdoc cref="BooleanAt"/>
    public int PlacesAt { get; }

    /// <inheritdoc cref="BooleanAt"/>
    public int DateAt { get; }

    /// <inheritdoc cref="BooleanAt"/>
    public int PiiAt { get; }

    /// <summary>Where the distinct-value count is.</summary>
    public int DistinctAt { get; }

    /// <summary>Where the count of values seen exactly once is.</summary>
    public int SingletonsAt { get; }

    /// <summary>How many counts a column's vector holds.</summary>
    public int Length { get; }

    /// <summary>The exact counts of one column named <paramref name="name"/> (to be measured with noise, never released as they are).</summary>
    public double[] Count(string name, IReadOnlyList<string?> cells)
    {
        var counts = new double[Length];
        var values = ValueCounts.Of(cells);
        counts[(int)CellShape.Missing] = values.Missing;
        var phoneName = ColumnNames.LooksLikePhone(name);
        var nameHint = ColumnNames.LooksLikePersonName(name);
        var addressName = ColumnNames.LooksLikeStreetAddress(name);
        foreach (var (value, count) in values.Values)
        {
            var shape = Shape(value, out var places, out var dateFormat);
            counts[(int)shape] += count;
            var word = Array.FindIndex(BooleanWords, w => w.Equals(value, StringComparison.OrdinalIgnoreCase));
            if (word >= 0) counts[BooleanAt + word] += count;
            if (shape == CellShape.Decimal) counts[PlacesAt + places] += count;
            if (shape == CellShape.Date) counts[DateAt + dateFormat] += count;
            var pii = Pii(value, phoneName, nameHint, addressName);
            if (pii >= 0) counts[PiiAt + pii] += count;
            if (count == 1) counts[SingletonsAt]++;
        }
        counts[DistinctAt] = values.Distinct;
        return counts;
    }

    /// <summary>A value's shape, first match in the order of <see cref="CellShape"/>.</summary>
    private CellShape Shape(string value, out int places, out int dateFormat)
    {
        places = 0;
        dateFormat = -1;
        if (value is "0" or "1") return CellShape.ZeroOrOne;
        if (Array.Exists(BooleanWords, w => w.Equals(value, StringComparison.OrdinalIgnoreCase))) return CellShape.BooleanWord;
        if (NumberShape.IsInteger(value, out _)) return CellShape.Integer;
        if (NumberShape.IsZeroPadded(value)) return CellShape.ZeroPadded;
        if (NumberShape.IsDecimal(value, out places)) return CellShape.Decimal;
        for (var f = 0; f < DateFormats.Count; f++)
            if (DateTimeFormatDetector.Parses(value, DateFormats[f]))
            {
                dateFormat = f;
                return CellShape.Date;
            }
        if (Guid.TryParse(value, out _)) return CellShape.Guid;
        var token = value.Length is > 0 and <= 64 && !value.AsSpan().ContainsAny(" \t\r\n");
        if (!token) return CellShape.Text;
        return value.AsSpan().IndexOfAnyInRange('0', '9') >= 0 ? CellShape.CodeToken : CellShape.Token;
    }

    private static int Pii(string value, bool phoneName, PersonNameHint nameHint, bool addressName)
    {
        if (PiiDetector.IsCardNumber(value)) return 0;
        if (PiiDetector.IsEmail(value)) return 1;
        if (PiiDetector.IsPhone(value, phoneName)) return 2;
        if (nameHint != PersonNameHint.None && PiiDetector.IsPersonName(value, nameHint == PersonNameHint.Strong ? 1 : 2)) return 3;
        if (addressName && PiiDetector.IsStreetAddress(value)) return 4;
        return -1;
    }
}

/// <summary>What a cell looks like, the first that fits in this order (a cell has exactly one shape).</summary>
internal enum CellShape
{
    /// <summary>No value.</summary>
    Missing,
    /// <summary><c>0</c> or <c>1</c>: an integer that may also be a boolean.</summary>
    ZeroOrOne,
    /// <summary>A boolean word other than 0/1 (true, no, Y, …).</summary>
    BooleanWord,
    /// <summary>Any other integer the models hold exactly.</summary>
    Integer,
    /// <summary>Digits with a leading zero (<c>007</c>): a code.</summary>
    ZeroPadded,
    /// <summary>A number that is not an integer (its places counted apart).</summary>
    Decimal,
    /// <summary>A date in one of the candidate formats (the first that reads it counted apart).</summary>
    Date,
    /// <summary>A GUID.</summary>
    Guid,
    /// <summary>One word holding a digit (INV-0042).</summary>
    CodeToken,
    /// <summary>One word without digits.</summary>
    Token,
    /// <summary>Anything else: several words, long strings.</summary>
    Text,
}
