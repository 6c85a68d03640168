namespace Vbmc.Reader.Tests;

/// <summary>Reader inputs compared with Guile 3.0: every lexical form and its nasty corners.</summary>
internal static class DifferentialCases
{
    public static IEnumerable<string> All() =>
        Lists.Concat(Atoms).Concat(Strings).Concat(Characters).Concat(CharacterNames())
             .Concat(Numbers).Concat(Symbols).Concat(Comments).Concat(Prefixes).Concat(Errors);

    private static readonly string[] Lists =
    [
        "()", "(a)", "(a b c)", "(a . b)", "(a b . c)", "(a . (b c))", "(a . (b . (c . ())))",
        "[a b]", "[a (b [c])]", "([])", "(a [b] (c))", "#()", "#(1 2 3)", "#(a #(b) (c))", "'#(1 2)",
        "( a\tb\nc\r\nd )", "(. a)", "(a . .)", "(a .b)", "(a . b )", "(a ..)", "(a ...)",
        "(\"a\" . \"b\")", "(1 . 2)", "(a.b)", "(a .. b)", "((((((((((x))))))))))", "(a)(b)", "(a)b",
        "a(b)", "(#t . #f)", "(() . ())", "(a #;b . c)", "(a . #;b c)", "(a . b #;c)", "( )", "[ ]",
        "(a\n . \n b)", "(lambda (x) (* x x))", "(define (f . args) args)",
        "(define-record-type* <t> t make-t t? (f t-f (default 1)))",
    ];

    private static readonly string[] Atoms =
    [
        "a", "abc", "x1", "#t", "#f", "#true", "#false", "#T", "#F", "#TRUE", "#fAlse", "#tru", "#true1",
        "#f1", "#:foo", "#:a-b", "#: foo", "#:#|c|#foo", "#:|a b|", "#:#{x y}#", "#:1", "#:\"s\"",
        "#:", "(#:k v)", "#:.", "#:a.b", "foo:", ":foo", "#", "#&x",
    ];

    private static readonly string[] Strings =
    [
        "\"\"", "\"abc\"", "\"a\\\"b\"", "\"a\\\\b\"", "\"\\n\\t\\a\\0\\r\\f\\v\\b\"", "\"\\x41;\"",
        "\"\\x41\"", "\"\\x4\"", "\"\\xZZ\"", "\"\\u03bb\"", "\"\\U01F600\"", "\"\\(\"", "\"\\|\"",
        "\"line1\\\n   line2\"", "\"a\nb\"", "\"a\r\nb\"", "\"tab\there\"", "\"λ ü 😀\"", "\"\\q\"",
        "\"unterminated", "\"ends in backslash\\", "\"a\" \"b\"", "\"\\x7f;\"", "\"é\\x80\"",
        "\"\\u2028\"", "\"\\ue000\"", "\"a;b\"", "\"(\"", "\"\\\r\nx\"",
    ];

    private static readonly string[] Characters =
    [
        "#\\a", "#\\A", "#\\space", "#\\newline", "#\\x41", "#\\x", "#\\x0", "#\\nul", "#\\(", "#\\)",
        "#\\;", "#\\\"", "#\\[", "#\\ ", "#\\(a", "#\\a(", "#\\101", "#\\0", "#\\1", "#\\18", "#\\SPACE",
        "#\\Newline", "#\\λ", "#\\😀", "#\\x3bb", "#\\x110000", "#\\xd800", "#\\foo", "#\\tabx",
        "(#\\a #\\b)", "#\\\\", "#\\#", "#\\'", "#\\x+41", "#\\", "#\\◌",
    ];

    private static IEnumerable<string> CharacterNames() =>
        new[]
        {
            "space", "newline", "nul", "alarm", "backspace", "tab", "linefeed", "vtab", "page", "return",
            "esc", "delete", "escape", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "lf",
            "vt", "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can",
            "em", "sub", "fs", "gs", "rs", "us", "sp", "del", "null", "nl", "np",
        }.Select(name => "#\\" + name);

    private static readonly string[] Numbers =
    [
        "0", "1", "-1", "+5", "-0", "123456789012345678901234567890", "-98765432109876543210",
        "1.5", ".5", "-.5", "+.5", "1.", "-.5e2", "1e3", "1E3", "1e+3", "1e-3", "1d3", "1s2", "1f2", "1l2",
        "1/2", "-1/2", "+1/2", "4/6", "6/3", "1/0", "1/-2", "1.5/2", "1/2/3", "1/2e3",
        "#x1F", "#xff", "#XFF", "#x-1F", "#b101", "#b-101/11", "#o17", "#d10", "#e1.5", "#e.5", "#i1/3",
        "#e1e3", "#e-1.25e-2", "#e1.2e-3", "#x#e1", "#e#x10", "#i#x10", "#I1", "#x1e3", "#x1/F",
        "#x1.5", "#d#x10", "#b102", "#e+inf.0", "#i1/0", "#xg", "#e", "#x",
        "+inf.0", "-inf.0", "+nan.0", "-nan.0", "+INF.0", "inf.0", "+nan.1",
        "1e308", "1e309", "1e-324", "1e-325", "1.7976931348623157e308", "2e308", "5e-324",
        "0.1", "0.30000000000000004", "100.0", "1000.0", "1234567.0", "1e7", "1e21", "1e22",
        "123456789012345678901.0", "1.2345678901234568e20", "0.001", "1e-4", "0.0001234", "-0.0",
        "3.14159", "6.02214076e23", "1.5e-7", "12345678.9", "1#", "1#.#", "#x1#", "1#1", ".#", "1.#",
        "-", "+", ".", "...", "1+", "-1+", "1-", "->", "-a", "+a", "-.", "+.", ".e1", "1e", "1a", "-1a",
        "#e1e30", "#e1#", "(1 2.5 -3/4 #x10)", "00012", "0.50", "1_000",
    ];

    private static readonly string[] Symbols =
    [
        "%base-services", "auto-start?", "=>", "<virtual-build-machine>", "a.b", "set-car!", "x->y",
        "|a b|", "|a|", "||", "|a\\|b|", "|a\\x41;b|", "|\\n|", "|a|b", "a|b", "a|b c|",
        "#{a b}#", "#{}#", "#{1}#", "#{a}}#", "#{a\\x41;}#", "#{a\\ b}#", "#{.}#", "abc#def", "a'b", "a,b",
        "a`b", "λ", "ünïcödé", "😀", "a\u000bb", "{a}", "a}", "FooBar", "ABC", "a\\b", "'|1|", "|1|",
        "|+i|", "|.|", "|a (b)|",
    ];

    private static readonly string[] Comments =
    [
        "; only a comment", "a ; comment", "a ;comment at EOF without newline", "#| block |# a",
        "#| outer #| inner |# still |# a", "#|| a ||# b", "#|#|#|x|#|#|# y", "a #| unterminated",
        "#;a b", "#; a b", "#;(a b) c", "#; #; a b c", "(a #;b)", "(#;a)", "(a #;)", "#;", "a #;",
        "#;#;#;a b c d", "'#;a b", "#!/bin/sh\nexec guile\n!# (a)", "#! comment !# x", "#!x", "#!!#y",
        "(a ; comment\n b)", "(a #| c |# b)", "a#|b|#", "a;b", "#|a|#b", "#||#", "#|# |#x",
        "x ;; trailing", "#| a\n b\n c |# d",
    ];

    private static readonly string[] Prefixes =
    [
        "'a", "'(a b)", "`(a ,b ,@c)", ",a", ",@a", "' a", "'\na", "''a", "'()", "`#(a ,b)", "'.",
        "#~(a b)", "#$x", "#$@x", "#+x", "#+@x", "#~#$x", "#~(foo #$bar #$@(baz))", "#$ x", "#'x",
        "#`(a #,b #,@c)", "'#t", "'\"s\"", "'#\\a", "',a", "'(quote x)", "(quote)", "'#:k", "'[a]",
        "#~(begin (use-modules (guix build utils)) (mkdir-p #$output))",
    ];

    private static readonly string[] Errors =
    [
        "(", ")", "]", "(a", "(a b", "((a)", "(a]", "[a)", "#(a]", "(a))", "a)", "(a . )", "(. )",
        "(a . b c)", "(a . b . c)", "(1 . 2 . 3)", "#(a . b)", "#(. a)", "'", "`", ",", ",@",
        "('", "(')", "(a ')", "#\\", "#q", "#(", "#(1 2", "#|", "#| #| |#", "#{a", "|abc",
        "\"abc", "(\"abc)", "(a\n(b\n(c\n", "[(])", "(a #| x)", "#!unterminated", "#:(a)",
        "#:'a", "1e400", "#e1e400", "'#:1",
    ];
}
