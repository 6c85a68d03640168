using System.Numerics;
using System.Text;
using Vbmc.Data;

namespace Vbmc.Printing;

/// <summary>
/// Prints values as Guile 3.0's <c>write</c> and <c>display</c> do. Differential tests compare
/// this output with Guile's, so every form here follows what Guile prints.
/// FIRST DRAFT: the reader work item refines numbers, characters, strings and symbols.
/// </summary>
public static class Printer
{
    public static string Write(object value) => Print(value, write: true);

    public static string Display(object value) => Print(value, write: false);

    public static string Print(object value, bool write)
    {
        var sb = new StringBuilder();
        Append(sb, value, write);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, object value, bool write)
    {
        switch (value)
        {
            case bool b: sb.Append(b ? "#t" : "#f"); break;
            case BigInteger i: sb.Append(i.ToString()); break;
            case Rational r: sb.Append(r.ToString()); break;
            case double d: sb.Append(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)); break;
            case string s: if (write) sb.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"'); else sb.Append(s); break;
            case Symbol sym: sb.Append(sym.Name); break;
            case Keyword k: sb.Append("#:").Append(k.Name); break;
            case SChar c: if (write) sb.Append("#\\"); sb.Append(c.ToString()); break;
            case Nil: sb.Append("()"); break;
            case Pair p:
                sb.Append('(');
                Append(sb, p.Car, write);
                object rest = p.Cdr;
                while (rest is Pair q) { sb.Append(' '); Append(sb, q.Car, write); rest = q.Cdr; }
                if (rest is not Nil) { sb.Append(" . "); Append(sb, rest, write); }
                sb.Append(')');
                break;
            case object[] v:
                sb.Append("#(");
                for (var i = 0; i < v.Length; i++) { if (i > 0) sb.Append(' '); Append(sb, v[i], write); }
                sb.Append(')');
                break;
            case ISchemeWritable w: w.WriteTo(sb, write, x => Append(sb, x, write)); break;
            default: sb.Append(value); break;
        }
    }
}
