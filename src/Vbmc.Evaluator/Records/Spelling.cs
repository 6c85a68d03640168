namespace Vbmc.Evaluation.Records;

/// <summary>"Did you mean" suggestions: the closest known name by Damerau–Levenshtein distance.</summary>
public static class Spelling
{
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        // Short names are too easily "close" to anything: no suggestion for one or two letters.
        var limit = name.Length <= 2 ? 0 : name.Length <= 4 ? 1 : Math.Min(3, name.Length / 3);
        if (limit == 0) return null;
        foreach (var c in candidates)
        {
            if (c == name || Math.Abs(c.Length - name.Length) > limit) continue;
            var d = Distance(name, c);
            if (d <= limit && d < bestDistance) { best = c; bestDistance = d; }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance (adjacent transpositions count as one edit).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
