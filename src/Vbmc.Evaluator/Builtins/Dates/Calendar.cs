namespace Vbmc.Evaluation.Dates;

/// <summary>
/// Proleptic Gregorian calendar arithmetic on plain integers, so that dates never depend on the
/// host's time zone or culture (configurations are pure).
/// </summary>
public static class Calendar
{
    public const long SecondsPerDay = 86_400;

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    private static readonly int[] DaysInMonthTable = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) =>
        month == 2 && IsLeapYear(year) ? 29 : DaysInMonthTable[month - 1];

    /// <summary>1 for January 1st (SRFI-19 date-year-day).</summary>
    public static int YearDay(long year, int month, int day) =>
        day + DaysBeforeMonth[month - 1] + (month > 2 && IsLeapYear(year) ? 1 : 0);

    /// <summary>0 for Sunday .. 6 for Saturday (SRFI-19 date-week-day).</summary>
    public static int WeekDay(long year, int month, int day)
    {
        // Days since 1970-01-01, which was a Thursday (4).
        var days = DaysFromEpoch(year, month, day);
        return (int)(((days + 4) % 7 + 7) % 7);
    }

    /// <summary>Days from 1970-01-01 to the given date (negative before it).</summary>
    public static long DaysFromEpoch(long year, int month, int day)
    {
        // Shift the year to start in March so the leap day is the last day of the shifted year.
        var y = month <= 2 ? year - 1 : year;
        var era = FloorDiv(y, 400);
        var yearOfEra = y - era * 400;
        var shiftedMonth = (month + 9) % 12;
        var dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /// <summary>The inverse of <see cref="DaysFromEpoch"/>.</summary>
    public static (long Year, int Month, int Day) FromEpochDays(long days)
    {
        var z = days + 719_468;
        var era = FloorDiv(z, 146_097);
        var dayOfEra = z - era * 146_097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var shiftedMonth = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        var month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        var year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }

    public static long FloorDiv(long a, long b) => a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);

    public static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;

    public static readonly string[] ShortWeekDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    public static readonly string[] LongWeekDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    public static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    public static readonly string[] LongMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
}
