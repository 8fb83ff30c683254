namespace SynthFixtures.Sampling.Expressions;

/// <summary>What a token of a row expression is.</summary>
internal enum TokenKind
{
    /// <summary>A bare word: a column name or a keyword (keywords are matched case-insensitively by the parser).</summary>
    Word,
    /// <summary>A double-quoted column name; <see cref="Token.Value"/> holds it without quotes.</summary>
    QuotedName,
    /// <summary>A single-quoted string; <see cref="Token.Value"/> holds it without quotes, doubled quotes made single.</summary>
    String,
    /// <summary>A number, sign included.</summary>
    Number,
    /// <summary>One of = &lt;&gt; != &lt; &lt;= &gt; &gt;=.</summary>
    Operator,
    /// <summary>(</summary>
    Open,
    /// <summary>)</summary>
    Close,
    /// <summary>,</summary>
    Comma,
    /// <summary>The end of the text.</summary>
    End,
}

/// <summary>One token: its kind, its value (unquoted for names and strings) and where it was written.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, TextSpan Span)
{
    /// <summary>Whether this is the bare word <paramref name="keyword"/>, in any case.</summary>
    public bool Is(string keyword) => Kind == TokenKind.Word && string.Equals(Value, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token reads in a message ("the end of the expression" for the end).</summary>
    public string Describe(string text) => Kind == TokenKind.End ? "the end of the expression" : $"'{text.Substring(Span.Start, Span.Length)}'";
}
