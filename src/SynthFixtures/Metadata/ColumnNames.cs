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

    /// <summary>Whether the name suggests street addresses (address, street), but not e-mail, IP, MAC or web addresses.</summary>
    public static bool LooksLikeStreetAddress(string name)
    {
        var letters = new string(name.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        if (letters.Contains("mail", StringComparison.Ordinal) || letters.Contains("ipaddress", StringComparison.Ordinal)
            || letters.Contains("mac", StringComparison.Ordinal) || letters.Contains("web", StringComparison.Ordinal) || letters.Contains("url", StringComparison.Ordinal))
            return false;
        return letters.Contains("address", StringComparison.Ordinal) || letters.Contains("street", StringComparison.Ordinal);
    }

    /// <summary>
    /// How strongly the name suggests people's names: <c>Strong</c> for first/last/given/family/sur/full/middle names and
    /// customer/employee/contact/person names, <c>Weak</c> for a bare <c>name</c> or a person word alone (customer, author,
    /// employee, …), where the values must also read as full names; <c>None</c> otherwise (product_name, city, …).
    /// </summary>
    public static PersonNameHint LooksLikePersonName(string name)
    {
        var letters = new string(name.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        foreach (var strong in (ReadOnlySpan<string>)["firstname", "lastname", "surname", "givenname", "familyname", "fullname", "middlename",
                     "personname", "customername", "employeename", "contactname", "patientname", "clientname", "authorname"])
            if (letters.Contains(strong, StringComparison.Ordinal)) return PersonNameHint.Strong;
        return letters is "name" or "names" or "customer" or "employee" or "contact" or "person" or "author" or "reviewer" or "patient" or "client" or "owner"
            ? PersonNameHint.Weak : PersonNameHint.None;
    }
}

/// <summary>How strongly a column name suggests people's names (<see cref="ColumnNames.LooksLikePersonName"/>).</summary>
internal enum PersonNameHint
{
    None,
    Weak,
    Strong,
}
