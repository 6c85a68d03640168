namespace Vbmc.Evaluation.Dates;

/// <summary>
/// SRFI-19 <c>string->date</c> with Guile 3.0's reading rules: before each directive the input is
/// skipped up to a character the directive can start with; literal template characters must
/// match exactly; text after the template is ignored; day, month and year must all be read.
/// Differences, all in the direction of purity and strictness: a date without <c>~z</c> is in
/// UTC (Guile uses the host's zone), <c>~y</c> is refused (its century depends on today's
/// date), and the date read must be valid (Guile accepts month 13).
/// </summary>
public static class DateParser
{
    private const string Procedure = "string->date";

    public static SrfiDate Parse(string input, string template)
    {
        var state = new State(input, template);
        for (var t = 0; t < template.Length; t++)
        {
            var c = template[t];
            if (c != '~')
            {
                if (state.AtEnd || input[state.Position] != c) throw state.BadFormat();
                state.Position++;
                continue;
            }
            if (t + 1 >= template.Length) throw state.BadFormat();
            ReadDirective(state, template[++t]);
        }
        if (state.Day is null || state.Month is null || state.Year is null)
            throw DateErrors.TimeError(Procedure, "bad-date-format-string", "Incomplete date read. ",
                hint: "the template must read a day, a month and a year");
        return SrfiDate.Create(Procedure, state.Nanosecond, state.Second, state.Minute, state.Hour,
                               state.Day.Value, state.Month.Value, state.Year.Value, state.ZoneOffset);
    }

    private static void ReadDirective(State s, char directive)
    {
        switch (directive)
        {
            case '~': s.SkipUntil(_ => true); s.ExpectChar('~'); break;
            case 'a': s.SkipUntil(char.IsLetter); s.ReadName(Calendar.ShortWeekDays); break;
            case 'A': s.SkipUntil(char.IsLetter); s.ReadName(Calendar.LongWeekDays); break;
            case 'b' or 'h': s.SkipUntil(char.IsLetter); s.Month = s.ReadName(Calendar.ShortMonths) + 1; break;
            case 'B': s.SkipUntil(char.IsLetter); s.Month = s.ReadName(Calendar.LongMonths) + 1; break;
            case 'd': s.SkipUntil(char.IsAsciiDigit); s.Day = s.ReadUpTo(2); break;
            case 'e': s.SkipUntil(_ => true); s.Day = s.ReadExactly(2); break;
            case 'H': s.SkipUntil(char.IsAsciiDigit); s.Hour = s.ReadUpTo(2); break;
            case 'k': s.SkipUntil(_ => true); s.Hour = s.ReadExactly(2); break;
            case 'm': s.SkipUntil(char.IsAsciiDigit); s.Month = s.ReadUpTo(2); break;
            case 'M': s.SkipUntil(char.IsAsciiDigit); s.Minute = s.ReadUpTo(2); break;
            case 'N': s.SkipUntil(char.IsAsciiDigit); s.Nanosecond = s.ReadFraction(9); break;
            case 'S': s.SkipUntil(char.IsAsciiDigit); s.Second = s.ReadUpTo(2); break;
            case 'Y': s.SkipUntil(char.IsAsciiDigit); s.Year = s.ReadUpTo(4); break;
            case 'z': s.SkipUntil(ch => ch is 'Z' or 'z' or '+' or '-'); s.ZoneOffset = s.ReadZone(); break;
            case 'y':
                throw new SchemeError(
                    "In procedure string->date: ~y (two-digit year) is not supported: its century depends on the current date",
                    Vbmc.Diagnostics.DiagnosticIds.Unsupported, "use ~Y with a four-digit year");
            default: throw s.BadFormat();
        }
    }

    private sealed class State(string input, string template)
    {
        public int Position;
        public long Nanosecond, Second, Minute, Hour, ZoneOffset;
        public long? Day, Month, Year;

        public bool AtEnd => Position >= input.Length;

        public SchemeError BadFormat() => DateErrors.TimeError(Procedure, "bad-date-format-string", template);

        private static SchemeError BadTemplate(string detail) =>
            DateErrors.TimeError(Procedure, "bad-date-template-string", detail);

        /// <summary>Skips input up to a character <paramref name="accepts"/>; running out of input is an error.</summary>
        public void SkipUntil(Func<char, bool> accepts)
        {
            while (!AtEnd && !accepts(input[Position])) Position++;
            if (AtEnd) throw BadFormat();
        }

        public void ExpectChar(char expected)
        {
            if (input[Position] != expected) throw BadTemplate("Invalid character match.");
            Position++;
        }

        /// <summary>Up to <paramref name="max"/> digits (the first is known to be a digit).</summary>
        public long ReadUpTo(int max)
        {
            long value = 0;
            for (var n = 0; n < max && !AtEnd && char.IsAsciiDigit(input[Position]); n++)
                value = value * 10 + (input[Position++] - '0');
            return value;
        }

        /// <summary>Digits after a decimal point, scaled to <paramref name="places"/> places ("5" is 500000000 for 9).</summary>
        public long ReadFraction(int places)
        {
            long value = 0;
            var n = 0;
            for (; n < places && !AtEnd && char.IsAsciiDigit(input[Position]); n++)
                value = value * 10 + (input[Position++] - '0');
            for (; n < places; n++) value *= 10;
            return value;
        }

        /// <summary>Exactly <paramref name="width"/> characters: leading padding, then digits only.</summary>
        public long ReadExactly(int width)
        {
            long value = 0;
            var paddingAllowed = true;
            for (var n = 0; n < width; n++)
            {
                if (AtEnd) throw BadTemplate("Premature ending to integer read.");
                var ch = input[Position++];
                if (char.IsAsciiDigit(ch)) { paddingAllowed = false; value = value * 10 + (ch - '0'); }
                else if (!paddingAllowed) throw BadTemplate("Non-numeric characters in integer read.");
            }
            return value;
        }

        /// <summary>A run of letters that must be one of <paramref name="names"/>; returns its index.</summary>
        public int ReadName(string[] names)
        {
            var start = Position;
            while (!AtEnd && char.IsLetter(input[Position])) Position++;
            var index = Array.IndexOf(names, input[start..Position]);
            if (index < 0) throw BadTemplate($"Invalid name: {input[start..Position]}");
            return index;
        }

        /// <summary>"Z", "z", or a sign and four digits HHMM; the result is in seconds.</summary>
        public long ReadZone()
        {
            var sign = input[Position++];
            if (sign is 'Z' or 'z') return 0;
            long offset = 0;
            foreach (var unit in new[] { 36_000, 3_600, 600, 60 })
            {
                if (AtEnd || !char.IsAsciiDigit(input[Position])) throw BadTemplate("Invalid time zone number");
                offset += (input[Position++] - '0') * unit;
            }
            return sign == '-' ? -offset : offset;
        }
    }
}
