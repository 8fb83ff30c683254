using System.Text;
using System.Text.Json;

namespace SynthFixtures.Metadata;

/// <summary>
/// Where each value of a JSON document starts and ends, by path (<c>$.columns[2].kind</c>), as a 1-based line and
/// character column — so an error found after deserializing can still point into the file. Building it reads the
/// whole document once, so it is also the syntax check: invalid JSON throws the reader's <see cref="JsonException"/>,
/// with its line and byte position.
/// </summary>
internal sealed class JsonPositions
{
    private readonly byte[] _utf8;
    private readonly Dictionary<string, Value> _values = new(StringComparer.Ordinal);

    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public JsonPositions(byte[] utf8, JsonReaderOptions options)
    {
        _utf8 = utf8;
        var reader = new Utf8JsonReader(utf8, options);
        var containers = new Stack<Container>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var closed = containers.Pop();
                    _values[closed.Path] = _values[closed.Path] with { End = reader.BytesConsumed };
                    continue;
            }
            var here = containers.Count == 0 ? "$"
                : containers.Peek().IsArray ? $"{containers.Peek().Path}[{containers.Peek().NextIndex++}]"
                : $"{containers.Peek().Path}.{property}";
            _values[here] = new Value(reader.TokenType, reader.TokenStartIndex, reader.BytesConsumed);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                containers.Push(new Container(here, reader.TokenType == JsonTokenType.StartArray));
        }
    }

    /// <summary>The first token of the value at <paramref name="path"/> (<see cref="JsonTokenType.StartObject"/> for an object), if it exists.</summary>
    public JsonTokenType? TokenAt(string path) => _values.TryGetValue(path, out var value) ? value.Token : null;

    /// <summary>The JSON text of the value at <paramref name="path"/> as written, if it exists.</summary>
    public string? RawText(string path) =>
        _values.TryGetValue(path, out var value) ? Encoding.UTF8.GetString(_utf8.AsSpan((int)value.Start, (int)(value.End - value.Start))) : null;

    /// <summary>The 1-based line and character column where the value at <paramref name="path"/> starts, if it exists.</summary>
    public (int Line, int Column)? Find(string path) =>
        _values.TryGetValue(path, out var value) ? LineAndColumn(value.Start) : null;

    /// <summary>The 1-based line and character column of the first of <paramref name="paths"/> that exists.</summary>
    public (int Line, int Column)? FindFirst(params string[] paths) => paths.Select(Find).FirstOrDefault(p => p is not null);

    /// <summary>1-based line and character column of a byte offset.</summary>
    public (int Line, int Column) LineAndColumn(long offset)
    {
        var before = _utf8.AsSpan(0, (int)Math.Min(offset, _utf8.Length));
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>1-based character column of a 0-based line and byte position, as <see cref="JsonException"/> reports them.</summary>
    public static int CharColumn(byte[] utf8, long line, long bytePositionInLine)
    {
        var lineStart = 0;
        for (var i = 0L; i < line && lineStart < utf8.Length; i++)
        {
            var next = utf8.AsSpan(lineStart).IndexOf((byte)'\n');
            if (next < 0) break;
            lineStart += next + 1;
        }
        var length = (int)Math.Clamp(bytePositionInLine, 0, utf8.Length - lineStart);
        return Encoding.UTF8.GetCharCount(utf8.AsSpan(lineStart, length)) + 1;
    }

    private readonly record struct Value(JsonTokenType Token, long Start, long End);

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
    }
}
