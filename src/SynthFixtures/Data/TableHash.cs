using System.Security.Cryptography;
using System.Text;

namespace SynthFixtures.Data;

/// <summary>
/// A content hash of a table (header and cells, missing cells marked as such), recorded in every model artifact so
/// an audit can tell which data a model learned from. It ignores file formatting (quoting, line endings, BOM).
/// </summary>
public static class TableHash
{
    /// <summary>Lower-case hex SHA-256 of the table's content.</summary>
    public static string Compute(Table table)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[4];
        void Append(string? text)
        {
            // Length-prefix each cell so ("ab","c") and ("a","bc") differ, and mark null apart from "".
            BitConverter.TryWriteBytes(buffer, text?.Length ?? -1);
            hash.AppendData(buffer);
            if (text is not null) hash.AppendData(Encoding.UTF8.GetBytes(text));
        }
        foreach (var name in table.ColumnNames) Append(name);
        for (var row = 0; row < table.RowCount; row++)
            for (var column = 0; column < table.ColumnCount; column++)
                Append(table[row, column]);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
