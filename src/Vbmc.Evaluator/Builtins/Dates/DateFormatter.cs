using System.Globalization;
using System.Text;

namespace Vbmc.Evaluation.Dates;

/// <summary>
/// SRFI-19 <c>date->string</c> as Guile 3.0 implements it, with the C locale's names and formats
/// (vbmc's output must not depend on the host). <c>~-X</c> drops padding, <c>~_X</c> pads with
/// spaces; composite directives (<c>~c ~D ~r ~T ~x ~X ~1 .. ~5</c>) use their own default padding.
/// </summary>
public static class DateFormatter
{
    public const string DefaultFormat = "~c";

    private const string Procedure = "date-printer";

    public static string Format(SrfiDate date, string format)
    {
        var output = new StringBuilder();
        Append(output, date, format);
        return output.ToString();
    }

    private static void Append(StringBuilder output, SrfiDate date, string format)
    {
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '~') { output.Append(c); continue; }
            if (i + 1 >= format.Length) throw BadFormat(format);
            char? pad = '0';
            var directive = format[i + 1];
            if (directive is '-' or '_')
            {
                if (i + 2 >= format.Length) throw BadFormat(format);
                pad = directive == '-' ? null : ' ';
                directive = format[i + 2];
                i++;
            }
            if (!Directive(output, date, directive, pad)) throw BadFormat(format);
            i++;
        }
    }

    private static SchemeError BadFormat(string format) => DateErrors.TimeError(Procedure, "bad-date-format-string", format);

    private static bool Directive(StringBuilder o, SrfiDate d, char directive, char? pad)
    {
        switch (directive)
        {
            case '~': o.Append('~'); break;
            case 'a': o.Append(Calendar.ShortWeekDays[d.WeekDay]); break;
            case 'A': o.Append(Calendar.LongWeekDays[d.WeekDay]); break;
            case 'b' or 'h': o.Append(Calendar.ShortMonths[d.Month - 1]); break;
            case 'B': o.Append(Calendar.LongMonths[d.Month - 1]); break;
            case 'c': Append(o, d, "~a ~b ~d ~H:~M:~S~z ~Y"); break;
            case 'd': o.Append(Pad(d.Day, '0', 2)); break;
            case 'D' or 'x': Append(o, d, "~m/~d/~y"); break;
            case 'e': o.Append(Pad(d.Day, ' ', 2)); break;
            case 'f': AppendSecondsWithFraction(o, d); break;
            case 'H': o.Append(Pad(d.Hour, pad, 2)); break;
            case 'I': o.Append(Pad(d.Hour > 12 ? d.Hour - 12 : d.Hour, pad, 2)); break;
            case 'j': o.Append(Pad(d.YearDay, pad, 3)); break;
            case 'k': o.Append(Pad(d.Hour, ' ', 2)); break;
            case 'l': o.Append(Pad(d.Hour > 12 ? d.Hour - 12 : d.Hour, ' ', 2)); break;
            case 'm': o.Append(Pad(d.Month, pad, 2)); break;
            case 'M': o.Append(Pad(d.Minute, pad, 2)); break;
            case 'n': o.Append('\n'); break;
            case 'N': o.Append(Pad(d.Nanosecond, pad, 9)); break;
            case 'p': o.Append(d.Hour > 11 ? "PM" : "AM"); break;
            case 'r': Append(o, d, "~I:~M:~S ~p"); break;
            case 's': o.Append(d.UnixSeconds.ToString(CultureInfo.InvariantCulture)); break;
            case 'S': o.Append(Pad(d.Second, pad, 2)); break;
            case 't': o.Append('\t'); break;
            case 'T' or 'X' or '3': Append(o, d, "~H:~M:~S"); break;
            case 'U': o.Append(Pad(WeekOfYear(d, 0), '0', 2)); break;
            case 'V': o.Append(Pad(WeekNumber(d, 1), '0', 2)); break;
            case 'w': o.Append(d.WeekDay.ToString(CultureInfo.InvariantCulture)); break;
            case 'W': o.Append(Pad(WeekOfYear(d, 1), '0', 2)); break;
            case 'y': o.Append(Pad(d.Year % 100, pad, 2)); break;
            case 'Y': o.Append(Pad(d.Year, pad, 4)); break;
            case 'z' or 'Z': AppendZone(o, d.ZoneOffset); break;
            case '1': Append(o, d, "~Y-~m-~d"); break;
            case '2': Append(o, d, "~H:~M:~S~z"); break;
            case '4': Append(o, d, "~Y-~m-~dT~H:~M:~S~z"); break;
            case '5': Append(o, d, "~Y-~m-~dT~H:~M:~S"); break;
            default: return false;
        }
        return true;
    }

    private static string Pad(long value, char? pad, int width)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return pad is { } p && text.Length < width ? new string(p, width - text.Length) + text : text;
    }

    /// <summary>Seconds, the decimal point, then the nanoseconds without trailing zeros (at least one digit).</summary>
    private static void AppendSecondsWithFraction(StringBuilder o, SrfiDate d)
    {
        var fraction = Pad(d.Nanosecond, '0', 9);
        o.Append(d.Second.ToString(CultureInfo.InvariantCulture)).Append('.')
         .Append(fraction[0]).Append(fraction[1..].TrimEnd('0'));
    }

    /// <summary>"Z" for UTC, otherwise +HHMM or -HHMM (seconds are dropped, as Guile does).</summary>
    private static void AppendZone(StringBuilder o, int offset)
    {
        if (offset == 0) { o.Append('Z'); return; }
        o.Append(offset < 0 ? '-' : '+');
        var magnitude = Math.Abs(offset);
        o.Append(Pad(magnitude / 3600, '0', 2)).Append(Pad(magnitude % 3600 / 60, '0', 2));
    }

    /// <summary>Days of January before the first day that is <paramref name="weekStart"/> (0 Sunday, 1 Monday).</summary>
    private static int DaysBeforeFirstWeek(SrfiDate d, int weekStart) =>
        (int)Calendar.FloorMod(weekStart - Calendar.WeekDay(d.Year, 1, 1), 7);

    private static long WeekNumber(SrfiDate d, int weekStart) =>
        Calendar.FloorDiv(d.YearDay - 1 - DaysBeforeFirstWeek(d, weekStart), 7);

    /// <summary>~U and ~W: the week number counting a partial first week as week 1.</summary>
    private static long WeekOfYear(SrfiDate d, int weekStart) =>
        DaysBeforeFirstWeek(d, weekStart) > 0 ? WeekNumber(d, weekStart) + 1 : WeekNumber(d, weekStart);
}
