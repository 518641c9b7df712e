namespace DocIntel.Extract.Text;

/// <summary>White-space clean-up shared by the extractors, without a regex (it runs on every line read).</summary>
internal static class Spaces
{
    /// <summary>Every run of white space as one ' ' (what <c>Regex.Replace(s, @"\s+", " ")</c> gives, without trimming).</summary>
    public static string Collapse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var i = 0;
        // Most strings have only single spaces: return them as they are.
        for (; i < s.Length; i++)
        {
            if (!char.IsWhiteSpace(s[i])) continue;
            if (s[i] != ' ' || (i + 1 < s.Length && char.IsWhiteSpace(s[i + 1]))) break;
        }
        if (i == s.Length) return s;
        Span<char> buffer = s.Length <= 512 ? stackalloc char[s.Length] : new char[s.Length];
        s.AsSpan(0, i).CopyTo(buffer);
        var n = i;
        var inRun = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                if (!inRun) buffer[n++] = ' ';
                inRun = true;
                continue;
            }
            inRun = false;
            buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }
}
