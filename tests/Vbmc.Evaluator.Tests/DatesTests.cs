using System.Numerics;
using System.Text;
using Vbmc.Data;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Dates;
using Vbmc.Printing;
using Vbmc.TestSupport;

namespace Vbmc.Evaluator.Tests;

public class DatesTests
{
    /// <summary>
    /// Each expression is evaluated by Guile 3.0 (with TZ=UTC) and by vbmc's builtins; the written
    /// results must be identical.
    /// </summary>
    private static readonly string[] DifferentialCases =
    [
        "(make-date 0 0 0 0 1 1 2020 0)",
        "(make-date 5 6 7 8 9 10 2021 3600)",
        "(make-date 999999999 59 59 23 31 12 9999 -36000)",
        "(date-nanosecond (make-date 123 4 5 6 7 8 2019 0))",
        "(date-second (make-date 123 4 5 6 7 8 2019 0))",
        "(date-minute (make-date 123 4 5 6 7 8 2019 0))",
        "(date-hour (make-date 123 4 5 6 7 8 2019 0))",
        "(date-day (make-date 123 4 5 6 7 8 2019 0))",
        "(date-month (make-date 123 4 5 6 7 8 2019 0))",
        "(date-year (make-date 123 4 5 6 7 8 2019 0))",
        "(date-zone-offset (make-date 123 4 5 6 7 8 2019 -7200))",
        "(date? (make-date 0 0 0 0 1 1 2020 0))",
        "(date? 2020)",
        "(date-year-day (make-date 0 0 0 0 31 12 2020 0))",
        "(date-year-day (make-date 0 0 0 0 31 12 2021 0))",
        "(date-year-day (make-date 0 0 0 0 1 3 2000 0))",
        "(date-year-day (make-date 0 0 0 0 1 3 1900 0))",
        "(date-year-day (make-date 0 0 0 0 1 1 2020 0))",
        "(date-week-day (make-date 0 0 0 0 1 1 2020 0))",
        "(date-week-day (make-date 0 0 0 0 1 1 1900 0))",
        "(date-week-day (make-date 0 0 0 0 29 2 2024 0))",
        "(date-week-day (make-date 0 0 0 0 4 7 1776 0))",
        "(string->date \"2020-01-02 03:04:05\" \"~Y-~m-~d ~H:~M:~S\")",
        "(string->date \"2020-01-01T10:11:12+0200\" \"~Y-~m-~dT~H:~M:~S~z\")",
        "(string->date \"2020-01-01T10:11:12Z\" \"~Y-~m-~dT~H:~M:~S~z\")",
        "(string->date \"2020-01-01T10:11:12-0530\" \"~Y-~m-~dT~H:~M:~S~z\")",
        "(string->date \"Jan 5 2020\" \"~b ~d ~Y\")",
        "(string->date \"Wed January 5 2020\" \"~a ~B ~d ~Y\")",
        "(string->date \"5/7/2019\" \"~d/~m/~Y\")",
        "(string->date \"date: 2019-07-05 rest\" \"~Y-~m-~d\")",
        "(string->date \"2021-03-04 05:06:07.25\" \"~Y-~m-~d ~H:~M:~S.~N\")",
        "(string->date \" 7.11.2001\" \"~e.~m.~Y\")",
        "(string->date \"2001-11-07  9h\" \"~Y-~m-~d ~kh\")",
        "(string->date \"100%~ 2001 12 24\" \"100%~~ ~Y ~m ~d\")",
        "(date-year-day (string->date \"2024-12-31\" \"~Y-~m-~d\"))",
        "(date->string (make-date 0 5 6 7 1 2 2020 0) \"~5\")",
        "(date->string (make-date 0 5 6 7 1 2 2020 3600) \"~4\")",
        "(date->string (make-date 0 5 6 7 1 2 2020 3600) \"~1 ~2 ~3\")",
        "(date->string (make-date 0 5 6 17 1 2 2020 0) \"~Y-~m-~d ~H:~M:~S\")",
        "(date->string (make-date 0 5 6 17 1 2 2020 0))",
        "(date->string (make-date 0 5 6 7 1 2 2020 3600) \"~c|~x|~X|~D|~T|~r|~z|~Z|~j|~a|~A|~b|~B|~e|~k|~l|~p|~y\")",
        "(date->string (make-date 0 5 6 7 1 2 2020 3600) \"~N|~f|~s|~V|~U|~W|~w|~h|~I|~~\")",
        "(date->string (make-date 123456789 5 6 7 1 2 2020 0) \"~f ~N\")",
        "(date->string (make-date 500000000 5 6 7 1 2 2020 0) \"~f\")",
        "(date->string (make-date 0 5 6 7 1 2 2020 -19800) \"~4 ~z\")",
        "(date->string (make-date 0 5 6 7 3 4 20 0) \"~Y ~y ~5\")",
        "(date->string (make-date 0 5 6 7 3 4 2020 0) \"~-m/~-d/~_H ~-Y ~_j\")",
        "(date->string (make-date 0 0 0 0 1 1 2023 0) \"~U ~V ~W ~j\")",
        "(date->string (make-date 0 0 0 0 31 12 2024 0) \"~U ~V ~W ~j\")",
        "(date->string (make-date 0 0 0 0 1 1 2020 0) \"~s\")",
        "(date->string (make-date 0 0 0 13 1 1 2020 0) \"~I ~l ~p ~r\")",
        "(date->string (make-date 0 0 0 0 1 1 2020 0) \"~I ~l ~p\")",
        "(date->string (string->date \"2019-06-15 08:30\" \"~Y-~m-~d ~H:~M\") \"~5\")",
        "(date->time-utc (make-date 0 0 0 0 1 1 2020 0))",
        "(date->time-utc (make-date 7 0 0 0 1 1 2020 3600))",
        "(time-second (date->time-utc (make-date 0 0 0 0 1 1 1960 0)))",
        "(time-utc->date (date->time-utc (make-date 0 0 0 0 1 1 2020 0)) 0)",
        "(time-utc->date (make-time time-utc 5 1577836800) 3600)",
        "(time-utc->date (make-time time-utc 0 -1))",
        "(time-utc->date (make-time time-utc 0 951782400) -3600)",
        "(time-nanosecond (make-time time-utc 42 7))",
        "(equal? (make-date 0 0 0 0 1 1 2020 0) (make-date 0 0 0 0 1 1 2020 0))",
        "(equal? (make-date 0 0 0 0 1 1 2020 0) (make-date 0 0 0 0 1 1 2020 3600))",
    ];

    [Fact]
    public void Date_expressions_print_the_same_as_in_Guile()
    {
        var program = new StringBuilder("(use-modules (srfi srfi-19))\n(setenv \"TZ\" \"UTC\")\n");
        foreach (var expression in DifferentialCases)
            program.Append("(write ").Append(expression).Append(") (newline)\n");
        var guile = Guile.Run(program.ToString());
        guile.ExitCode.Should().Be(0, guile.Stderr);
        var expected = guile.Stdout.Split('\n');
        expected.Length.Should().Be(DifferentialCases.Length + 1, "Guile prints one line per case");

        var mismatches = new List<string>();
        for (var i = 0; i < DifferentialCases.Length; i++)
        {
            var actual = BuiltinCalls.EvaluateToWritten(DifferentialCases[i]);
            if (actual != expected[i]) mismatches.Add($"{DifferentialCases[i]}\n  guile: {expected[i]}\n  vbmc:  {actual}");
        }
        mismatches.Should().BeEmpty();
        DifferentialCases.Length.Should().BeGreaterThanOrEqualTo(30);
    }

    [Theory]
    [InlineData("(make-date 0 0 0 0 32 1 2020 0)", "In procedure make-date: Argument 5 out of range (expecting a day 1..31")]
    [InlineData("(make-date 0 0 0 0 29 2 2021 0)", "Argument 5 out of range (expecting a day 1..28 (February 2021 has 28 days)): 29")]
    [InlineData("(make-date 0 0 0 0 1 13 2020 0)", "Argument 6 out of range (expecting a month 1..12): 13")]
    [InlineData("(make-date 0 61 0 0 1 1 2020 0)", "Argument 2 out of range (expecting a second 0..60): 61")]
    [InlineData("(make-date -1 0 0 0 1 1 2020 0)", "Argument 1 out of range")]
    [InlineData("(make-date 0 0 60 0 1 1 2020 0)", "Argument 3 out of range (expecting a minute 0..59): 60")]
    [InlineData("(make-date 0 0 0 24 1 1 2020 0)", "Argument 4 out of range (expecting an hour 0..23): 24")]
    [InlineData("(make-date 0 0 0 0 1 1 0 0)", "Argument 7 out of range (expecting a year 1..9999): 0")]
    [InlineData("(make-date 0 0 0 0 1 1 2020 100000)", "Argument 8 out of range")]
    [InlineData("(make-date 0 0 0 0 1 1 2020 \"x\")", "In procedure make-date: Wrong type argument in position 8 (expecting exact integer): \"x\"")]
    [InlineData("(make-date 0 0 0 0 1 1 2020 1000000000000000000000000)", "In procedure make-date: Argument 8 out of range")]
    [InlineData("(date-year 5)", "In procedure date-year: Wrong type argument in position 1 (expecting date): 5")]
    [InlineData("(string->date \"2020/01/01\" \"~Y-~m-~d\")", "In procedure string->date: TIME-ERROR type bad-date-format-string: \"~Y-~m-~d\"")]
    [InlineData("(string->date \"2020-01\" \"~Y-~m-~d\")", "TIME-ERROR type bad-date-format-string: \"~Y-~m-~d\"")]
    [InlineData("(string->date \"2020\" \"~Y\")", "Incomplete date read")]
    [InlineData("(string->date \"99-13-01\" \"~Y-~m-~d\")", "In procedure string->date: Argument 6 out of range (expecting a month 1..12): 13")]
    [InlineData("(string->date \"5:6\" \"~k:~M\")", "TIME-ERROR type bad-date-template-string: \"Non-numeric characters in integer read.\"")]
    [InlineData("(string->date \"Foo 5 2020\" \"~b ~d ~Y\")", "bad-date-template-string")]
    [InlineData("(string->date \"2020-01-01T00:00+01\" \"~Y-~m-~dT~H:~M~z\")", "Invalid time zone number")]
    [InlineData("(string->date \"20-01-01\" \"~y-~m-~d\")", "~y (two-digit year) is not supported")]
    [InlineData("(string->date \"2020-01-01\" \"~Y-~m-~d~\")", "bad-date-format-string")]
    [InlineData("(string->date \"2020-01-01\" \"~Y-~m-~q\")", "bad-date-format-string: \"~Y-~m-~q\"")]
    [InlineData("(date->string (make-date 0 0 0 0 1 1 2020 0) \"~q\")", "In procedure date-printer: TIME-ERROR type bad-date-format-string: \"~q\"")]
    [InlineData("(date->string (make-date 0 0 0 0 1 1 2020 0) \"abc~\")", "In procedure date-printer: TIME-ERROR type bad-date-format-string: \"abc~\"")]
    [InlineData("(date->string (make-date 0 0 0 0 1 1 2020 0) \"~-\")", "bad-date-format-string")]
    [InlineData("(date->string 5 \"~Y\")", "In procedure date->string: Wrong type argument in position 1 (expecting date): 5")]
    [InlineData("(time-utc->date (make-time time-utc 0 1000000000000000))", "In procedure time-utc->date: Argument 1 out of range")]
    [InlineData("(time-second 5)", "Wrong type argument in position 1 (expecting time): 5")]
    public void Bad_arguments_are_scheme_errors_with_guile_like_wording(string expression, string expectedPart)
    {
        var act = () => BuiltinCalls.EvaluateToWritten(expression);
        act.Should().Throw<SchemeError>().Which.Message.Should().Contain(expectedPart);
    }

    [Fact]
    public void Newline_and_tab_directives_print_control_characters()
    {
        var date = (SrfiDate)BuiltinCalls.Evaluate("(make-date 0 0 0 0 1 1 2020 0)");
        DateFormatter.Format(date, "~Y~n~m~t~d").Should().Be("2020\n01\t01");
    }

    [Fact]
    public void Leap_day_and_leap_second_are_accepted()
    {
        BuiltinCalls.EvaluateToWritten("(date-day (make-date 0 0 0 0 29 2 2024 0))").Should().Be("29");
        BuiltinCalls.EvaluateToWritten("(date->string (make-date 0 60 59 23 31 12 2016 0) \"~5\")")
            .Should().Be("\"2016-12-31T23:59:60\"");
    }

    [Fact]
    public void Parsed_dates_without_a_zone_are_in_UTC_whatever_the_host_zone()
    {
        // Guile would use the host's zone here; vbmc must give the same value on every host.
        var date = (SrfiDate)BuiltinCalls.Evaluate("(string->date \"2020-06-01 12:00\" \"~Y-~m-~d ~H:~M\")");
        date.ZoneOffset.Should().Be(0);
        BuiltinCalls.EvaluateToWritten("(time-utc->date (make-time time-utc 0 0))")
            .Should().Be("#<date nanosecond: 0 second: 0 minute: 0 hour: 0 day: 1 month: 1 year: 1970 zone-offset: 0>");
    }

    [Fact]
    public void Dates_convert_to_DotNet_and_to_QEMU_rtc_base_in_UTC()
    {
        var date = (SrfiDate)BuiltinCalls.Evaluate("(make-date 0 30 15 1 1 1 2020 7200)");
        date.ToDateTimeOffset().Should().Be(new DateTimeOffset(2020, 1, 1, 1, 15, 30, TimeSpan.FromHours(2)));
        date.ToDateTimeOffset().Offset.Should().Be(TimeSpan.FromHours(2));
        date.ToQemuRtcBase().Should().Be("2019-12-31T23:15:30");
        ((SrfiDate)BuiltinCalls.Evaluate("(make-date 0 0 0 0 1 1 2020 0)")).ToQemuRtcBase().Should().Be("2020-01-01T00:00:00");

        // An offset .NET cannot hold (seconds, beyond 14 h) still gives the right instant, in UTC.
        var odd = (SrfiDate)BuiltinCalls.Evaluate("(make-date 0 0 0 0 2 1 2020 61200)");
        odd.ToDateTimeOffset().Should().Be(new DateTimeOffset(2020, 1, 1, 7, 0, 0, TimeSpan.Zero));
        odd.ToDateTimeOffset().Offset.Should().Be(TimeSpan.Zero);

        // The extremes clamp rather than throw.
        var first = (SrfiDate)BuiltinCalls.Evaluate("(make-date 0 0 0 0 1 1 1 3600)");
        first.ToDateTimeOffset().Should().Be(DateTimeOffset.MinValue);
        var last = (SrfiDate)BuiltinCalls.Evaluate("(make-date 999999999 59 59 23 31 12 9999 -3600)");
        last.ToQemuRtcBase().Should().StartWith("9999-12-31T23:59:59");
    }

    [Fact]
    public void Dates_are_equal_by_value_and_print_like_Guile()
    {
        var a = BuiltinCalls.Evaluate("(make-date 1 2 3 4 5 6 2007 8)");
        var b = BuiltinCalls.Evaluate("(make-date 1 2 3 4 5 6 2007 8)");
        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(BuiltinCalls.Evaluate("(make-date 1 2 3 4 5 6 2007 9)"));
        Printer.Display(a).Should().Be("#<date nanosecond: 1 second: 2 minute: 3 hour: 4 day: 5 month: 6 year: 2007 zone-offset: 8>");
    }

    [Fact]
    public void Calendar_round_trips_every_day_of_four_centuries()
    {
        var start = Calendar.DaysFromEpoch(1900, 1, 1);
        var expected = new DateOnly(1900, 1, 1);
        for (var day = start; day < start + 146_097 * 1 + 400; day++, expected = expected.AddDays(1))
        {
            var (y, m, d) = Calendar.FromEpochDays(day);
            (y, m, d).Should().Be((expected.Year, expected.Month, expected.Day));
            Calendar.WeekDay(y, m, d).Should().Be((int)expected.DayOfWeek);
            if (day % 997 == 0) Calendar.YearDay(y, m, d).Should().Be(expected.DayOfYear);
        }
    }
}

/// <summary>
/// Applies the real builtins to literal arguments written as Scheme calls, e.g.
/// <c>(date-year (make-date 0 0 0 0 1 1 2020 0))</c>: integers, strings, symbols bound in the
/// table, and nested calls. It lets the builtins be tested before the evaluator is complete.
/// <c>equal?</c> is provided here as .NET value equality, which is what the evaluator's
/// <c>equal?</c> uses for these values.
/// </summary>
internal static class BuiltinCalls
{
    private static readonly Lazy<BuiltinTable> Table = new(() =>
    {
        var table = new BuiltinTable();
        DateBuiltins.Register(table);
        OpenSshBuiltins.Register(table);
        SystemTypes.Register(table);
        table.Define("equal?", 2, 2, args => Equals(args[0], args[1]));
        return table;
    });

    public static string EvaluateToWritten(string expression) => Printer.Write(Evaluate(expression));

    public static object Evaluate(string expression)
    {
        var position = 0;
        var value = Read(expression, ref position);
        return Eval(value);
    }

    private static object Eval(object form)
    {
        switch (form)
        {
            case Symbol s:
                return Table.Value.Values.TryGetValue(s.Name, out var v) ? v : throw new InvalidOperationException("unbound " + s.Name);
            case List<object> call:
                var procedure = (Builtin)Eval(call[0]);
                var args = call.Skip(1).Select(Eval).ToArray();
                if (!procedure.Accepts(args.Length)) throw new InvalidOperationException("arity of " + procedure.Name);
                return procedure.Body(args);
            default:
                return form;
        }
    }

    private static object Read(string text, ref int i)
    {
        while (char.IsWhiteSpace(text[i])) i++;
        if (text[i] == '(')
        {
            i++;
            var items = new List<object>();
            while (true)
            {
                while (char.IsWhiteSpace(text[i])) i++;
                if (text[i] == ')') { i++; return items; }
                items.Add(Read(text, ref i));
            }
        }
        if (text[i] == '"')
        {
            var sb = new StringBuilder();
            for (i++; text[i] != '"'; i++)
                sb.Append(text[i] == '\\' ? text[++i] : text[i]);
            i++;
            return sb.ToString();
        }
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')')) i++;
        var token = text[start..i];
        return BigInteger.TryParse(token, out var n) ? n : Symbol.Intern(token);
    }
}
