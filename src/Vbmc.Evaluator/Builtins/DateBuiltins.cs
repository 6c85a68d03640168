using System.Numerics;
using Vbmc.Data;
using Vbmc.Evaluation.Dates;

namespace Vbmc.Evaluation;

/// <summary>
/// SRFI-19 dates and time-utc conversions, as Guile's <c>(srfi srfi-19)</c> offers them.
/// <c>current-date</c> and <c>current-time</c> are deliberately absent: configurations are pure.
/// Where Guile would use the host's time zone, vbmc uses UTC.
/// </summary>
[BuiltinLibrary]
public static class DateBuiltins
{
    /// <summary>Every name this library binds, for the <c>(srfi srfi-19)</c> module's export list.</summary>
    public static readonly string[] Names =
    [
        "make-date", "date?", "date-nanosecond", "date-second", "date-minute", "date-hour", "date-day",
        "date-month", "date-year", "date-zone-offset", "date-year-day", "date-week-day",
        "string->date", "date->string", "date->time-utc", "time-utc->date",
        "make-time", "time?", "time-type", "time-nanosecond", "time-second", "time-utc",
    ];

    public static void Register(BuiltinTable table)
    {
        table.Define("make-date", 8, 8, args =>
        {
            var n = new long[8];
            for (var i = 0; i < 8; i++) n[i] = Integer("make-date", i + 1, args[i]);
            return SrfiDate.Create("make-date", n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
        });
        table.Define("date?", 1, 1, args => args[0] is SrfiDate);
        Accessor(table, "date-nanosecond", d => d.Nanosecond);
        Accessor(table, "date-second", d => d.Second);
        Accessor(table, "date-minute", d => d.Minute);
        Accessor(table, "date-hour", d => d.Hour);
        Accessor(table, "date-day", d => d.Day);
        Accessor(table, "date-month", d => d.Month);
        Accessor(table, "date-year", d => d.Year);
        Accessor(table, "date-zone-offset", d => d.ZoneOffset);
        Accessor(table, "date-year-day", d => d.YearDay);
        Accessor(table, "date-week-day", d => d.WeekDay);

        table.Define("string->date", 2, 2, args =>
            DateParser.Parse(Text("string->date", 1, args[0]), Text("string->date", 2, args[1])));
        table.Define("date->string", 1, 2, args =>
            DateFormatter.Format(Date("date->string", 1, args[0]),
                                 args.Length > 1 ? Text("date->string", 2, args[1]) : DateFormatter.DefaultFormat));

        table.DefineValue("time-utc", SrfiTime.Utc);
        table.Define("make-time", 3, 3, args =>
        {
            if (args[0] is not Symbol type) throw SchemeError.WrongType("make-time", 1, "symbol", args[0]);
            return new SrfiTime(type, Integer("make-time", 2, args[1]), ExactInteger("make-time", 3, args[2]));
        });
        table.Define("time?", 1, 1, args => args[0] is SrfiTime);
        table.Define("time-type", 1, 1, args => Time("time-type", args[0]).Type);
        table.Define("time-nanosecond", 1, 1, args => Time("time-nanosecond", args[0]).Nanosecond);
        table.Define("time-second", 1, 1, args => Time("time-second", args[0]).Second);
        table.Define("date->time-utc", 1, 1, args =>
        {
            var d = Date("date->time-utc", 1, args[0]);
            return new SrfiTime(SrfiTime.Utc, d.Nanosecond, d.UnixSeconds);
        });
        table.Define("time-utc->date", 1, 2, args =>
        {
            var t = Time("time-utc->date", args[0]);
            if (!ReferenceEquals(t.Type, SrfiTime.Utc))
                throw new SchemeError($"In procedure time-utc->date: TIME-ERROR type incompatible-time-types: {t.Type.Name}",
                                      Vbmc.Diagnostics.DiagnosticIds.WrongType);
            // Guile defaults to the host's zone; vbmc to UTC so that the result is the same everywhere.
            var offset = args.Length > 1 ? Integer("time-utc->date", 2, args[1]) : 0;
            return SrfiDate.FromUnixSeconds("time-utc->date", t.Second, (long)t.Nanosecond, offset);
        });
    }

    private static void Accessor(BuiltinTable table, string name, Func<SrfiDate, int> field) =>
        table.Define(name, 1, 1, args => new BigInteger(field(Date(name, 1, args[0]))));

    private static SrfiDate Date(string procedure, int position, object value) =>
        value as SrfiDate ?? throw SchemeError.WrongType(procedure, position, "date", value);

    private static SrfiTime Time(string procedure, object value) =>
        value as SrfiTime ?? throw SchemeError.WrongType(procedure, 1, "time", value);

    private static string Text(string procedure, int position, object value) =>
        value as string ?? throw SchemeError.WrongType(procedure, position, "string", value);

    private static BigInteger ExactInteger(string procedure, int position, object value) =>
        value is BigInteger i ? i : throw SchemeError.WrongType(procedure, position, "exact integer", value);

    /// <summary>An exact integer that fits a long; larger ones are out of every date field's range anyway.</summary>
    private static long Integer(string procedure, int position, object value)
    {
        var i = ExactInteger(procedure, position, value);
        if (i < long.MinValue / 4 || i > long.MaxValue / 4)
            throw new SchemeError($"In procedure {procedure}: Argument {position} out of range: {i}",
                                  Vbmc.Diagnostics.DiagnosticIds.WrongType);
        return (long)i;
    }
}
