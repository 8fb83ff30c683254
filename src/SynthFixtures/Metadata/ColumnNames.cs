namespace SynthFixtures.Metadata;

/// <summary>What a column's name suggests about its content.</summary>
internal static class ColumnNames
{
    /// <summary>
    /// Whether the name reads as an identifier: <c>id</c>, <c>key</c>, <c>uuid</c>, <c>guid</c>, or ends in one of them
    /// as a separate word (<c>customer_id</c>, <c>Customer ID</c>, <c>CustomerId</c>) — but not <c>paid</c> or <c>monkey</c>.
    /// </summary>
    public static bool LooksLikeId(string name)
    {
        foreach (var word in (ReadOnlySpan<string>)["id", "key", "uuid", "guid"])
        {
            if (!name.EndsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            if (name.Length == word.Length) return true;
            var before = name[^(word.Length + 1)];
            var first = name[^word.Length];
            if (!char.IsLetter(before)) return true;                      // customer_id, Customer ID
            if (char.IsUpper(first) && char.IsLower(before)) return true; // CustomerId, orderKey
        }
        return false;
    }

    /// <summary>Whether the name suggests phone numbers (phone, tel, mobile, cell, fax).</summary>
    public static bool LooksLikePhone(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Contains("phone", StringComparison.Ordinal) || lower.Contains("mobile", StringComparison.Ordinal)
            || lower.Contains("fax", StringComparison.Ordinal) || lower is "tel" or "cell" || lower.StartsWith("tel_", StringComparison.Ordinal) || lower.EndsWith("_tel", StringComparison.Ordinal);
    }
}
