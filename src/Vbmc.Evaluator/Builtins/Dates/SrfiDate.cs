using System.Globalization;
using System.Numerics;
using System.Text;
using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation.Dates;

/// <summary>
/// An SRFI-19 date: a calendar date and time of day with the UTC offset (in seconds) it is
/// expressed in. Immutable; two dates are <c>equal?</c> when all eight fields are equal, as in
/// Guile, where dates are records compared field by field.
/// </summary>
public sealed class SrfiDate : ISchemeWritable, IEquatable<SrfiDate>
{
    /// <summary>Guile accepts any value in any field; vbmc keeps dates that name a real instant.</summary>
    public const int MinYear = 1, MaxYear = 9999;

    /// <summary>ISO 8601 and most libraries bound offsets to +/-18 hours.</summary>
    public const int MaxZoneOffset = 18 * 3600;

    private SrfiDate(int nanosecond, int second, int minute, int hour, int day, int month, int year, int zoneOffset)
    {
        Nanosecond = nanosecond;
        Second = second;
        Minute = minute;
        Hour = hour;
        Day = day;
        Month = month;
        Year = year;
        ZoneOffset = zoneOffset;
    }

    public int Nanosecond { get; }
    public int Second { get; }
    public int Minute { get; }
    public int Hour { get; }
    public int Day { get; }
    public int Month { get; }
    public int Year { get; }

    /// <summary>Seconds east of UTC.</summary>
    public int ZoneOffset { get; }

    /// <summary>1 for January 1st.</summary>
    public int YearDay => Calendar.YearDay(Year, Month, Day);

    /// <summary>0 for Sunday .. 6 for Saturday.</summary>
    public int WeekDay => Calendar.WeekDay(Year, Month, Day);

    /// <summary>Seconds since 1970-01-01T00:00:00Z (a second of 60, a leap second, counts as the next minute's 0).</summary>
    public long UnixSeconds =>
        Calendar.DaysFromEpoch(Year, Month, Day) * Calendar.SecondsPerDay + Hour * 3600L + Minute * 60L + Second - ZoneOffset;

    /// <summary>
    /// Builds a date, or throws a <see cref="SchemeError"/> naming <paramref name="procedure"/> and
    /// the first field out of range. Arguments are in make-date's order.
    /// </summary>
    public static SrfiDate Create(string procedure, long nanosecond, long second, long minute, long hour,
                                  long day, long month, long year, long zoneOffset)
    {
        Check(procedure, 1, nanosecond, 0, 999_999_999, "a nanosecond 0..999999999");
        // 60 is a leap second, which SRFI-19 allows.
        Check(procedure, 2, second, 0, 60, "a second 0..60");
        Check(procedure, 3, minute, 0, 59, "a minute 0..59");
        Check(procedure, 4, hour, 0, 23, "an hour 0..23");
        Check(procedure, 6, month, 1, 12, "a month 1..12");
        Check(procedure, 7, year, MinYear, MaxYear, $"a year {MinYear}..{MaxYear}");
        var lastDay = Calendar.DaysInMonth(year, (int)month);
        Check(procedure, 5, day, 1, lastDay,
              $"a day 1..{lastDay} ({Calendar.LongMonths[month - 1]} {year.ToString(CultureInfo.InvariantCulture)} has {lastDay} days)");
        Check(procedure, 8, zoneOffset, -MaxZoneOffset, MaxZoneOffset, $"a zone offset in seconds {-MaxZoneOffset}..{MaxZoneOffset}");
        return new SrfiDate((int)nanosecond, (int)second, (int)minute, (int)hour, (int)day, (int)month, (int)year, (int)zoneOffset);
    }

    /// <summary>The date of the instant <paramref name="unixSeconds"/> seen at <paramref name="zoneOffset"/>.</summary>
    public static SrfiDate FromUnixSeconds(string procedure, BigInteger unixSeconds, long nanosecond, long zoneOffset)
    {
        Check(procedure, 2, zoneOffset, -MaxZoneOffset, MaxZoneOffset, $"a zone offset in seconds {-MaxZoneOffset}..{MaxZoneOffset}");
        // Bound the seconds before narrowing so that a huge time gives a range error, not an overflow.
        var limit = new BigInteger(400L * 366 * 86_400 * 30);
        if (BigInteger.Abs(unixSeconds) > limit)
            throw OutOfRange(procedure, 1, $"a time within years {MinYear}..{MaxYear}", unixSeconds);
        var local = (long)unixSeconds + zoneOffset;
        var days = Calendar.FloorDiv(local, Calendar.SecondsPerDay);
        var secondOfDay = local - days * Calendar.SecondsPerDay;
        var (year, month, day) = Calendar.FromEpochDays(days);
        if (year < MinYear || year > MaxYear)
            throw OutOfRange(procedure, 1, $"a time within years {MinYear}..{MaxYear}", unixSeconds);
        return Create(procedure, nanosecond, secondOfDay % 60, secondOfDay / 60 % 60, secondOfDay / 3600, day, month, year, zoneOffset);
    }

    private static void Check(string procedure, int position, long value, long min, long max, string expected)
    {
        if (value < min || value > max) throw OutOfRange(procedure, position, expected, value);
    }

    private static SchemeError OutOfRange(string procedure, int position, string expected, object value) =>
        new($"In procedure {procedure}: Argument {position} out of range (expecting {expected}): {Convert.ToString(value, CultureInfo.InvariantCulture)}",
            DiagnosticIds.WrongType);

    /// <summary>
    /// The same instant as a .NET value. The date's own offset is kept when .NET can represent it
    /// (whole minutes within +/-14 hours); otherwise the instant is given in UTC. Dates at the very
    /// edges of year 1 or 9999 whose instant falls outside .NET's range are clamped, never thrown.
    /// </summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        var min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
        var max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        var seconds = Math.Clamp(UnixSeconds, min, max);
        var utc = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(Nanosecond / 100);
        if (ZoneOffset % 60 == 0 && Math.Abs(ZoneOffset) <= 14 * 3600)
        {
            var local = utc.UtcDateTime + TimeSpan.FromSeconds(ZoneOffset);
            if (local >= DateTime.MinValue.AddDays(1) && local <= DateTime.MaxValue.AddDays(-1))
                return utc.ToOffset(TimeSpan.FromSeconds(ZoneOffset));
        }
        return utc;
    }

    /// <summary>QEMU's <c>-rtc base=</c> value: the instant in UTC as <c>YYYY-MM-DDTHH:MM:SS</c>.</summary>
    public string ToQemuRtcBase() =>
        ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Guile's printed form, e.g. <c>#&lt;date nanosecond: 0 second: 0 ... zone-offset: 0&gt;</c>.</summary>
    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append(CultureInfo.InvariantCulture,
            $"#<date nanosecond: {Nanosecond} second: {Second} minute: {Minute} hour: {Hour} day: {Day} month: {Month} year: {Year} zone-offset: {ZoneOffset}>");

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb, true, _ => { });
        return sb.ToString();
    }

    public bool Equals(SrfiDate? other) =>
        other is not null && Nanosecond == other.Nanosecond && Second == other.Second && Minute == other.Minute
        && Hour == other.Hour && Day == other.Day && Month == other.Month && Year == other.Year
        && ZoneOffset == other.ZoneOffset;

    public override bool Equals(object? obj) => Equals(obj as SrfiDate);

    public override int GetHashCode() =>
        HashCode.Combine(Nanosecond, Second, Minute, Hour, Day, Month, Year, ZoneOffset);
}
