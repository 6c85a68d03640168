namespace Vbmc.Data;

/// <summary>Conversions between Scheme lists and .NET sequences.</summary>
public static class Lists
{
    public static object FromEnumerable(IEnumerable<object> items, object? tail = null)
    {
        var array = items as IList<object> ?? items.ToList();
        object result = tail ?? Nil.Instance;
        for (var i = array.Count - 1; i >= 0; i--)
            result = new Pair(array[i], result);
        return result;
    }

    public static object Of(params object[] items) => FromEnumerable(items);

    /// <summary>True for a finite list ending in '(); cycles are detected (tortoise and hare).</summary>
    public static bool IsProperList(object value)
    {
        var slow = value;
        var fast = value;
        while (true)
        {
            if (fast is Nil) return true;
            if (fast is not Pair p1) return false;
            fast = p1.Cdr;
            if (fast is Nil) return true;
            if (fast is not Pair p2) return false;
            fast = p2.Cdr;
            slow = ((Pair)slow).Cdr;
            if (ReferenceEquals(fast, slow)) return false;
        }
    }

    /// <summary>The elements of a proper list; null when <paramref name="value"/> is not one.</summary>
    public static List<object>? ToListOrNull(object value)
    {
        if (!IsProperList(value)) return null;
        var result = new List<object>();
        for (var x = value; x is Pair p; x = p.Cdr) result.Add(p.Car);
        return result;
    }
}
