namespace Vbmc.Evaluator.Tests;

/// <summary>`vbmc eval` shows what each field is: thunks resolved, promises forced.</summary>
public class RecordPrintingTests
{
    private const string Type =
        "(define-record-type* <box> box make-box box? this-box\n" +
        "  (size box-size (default 2))\n" +
        "  (double box-double (thunked) (default (* 2 (box-size this-box))))\n" +
        "  (later box-later (delayed) (default (+ 1 1))))\n";

    [Fact]
    public void Thunked_and_delayed_fields_print_their_values()
    {
        TestEval.Value(Type + "(box (size 5))").Should().Be("#<<box> size: 5 double: 10 later: 2>");
    }

    [Fact]
    public void Inherit_rebinds_the_thunk_in_the_printed_record()
    {
        TestEval.Value(Type + "(define a (box (size 5))) (box (inherit a) (size 7))")
            .Should().Be("#<<box> size: 7 double: 14 later: 2>");
    }

    [Fact]
    public void A_failing_thunk_prints_as_an_error_object()
    {
        var text =
            "(define-record-type* <c> c make-c c? this-c (x c-x (thunked) (default (car '()))))\n(c)";
        TestEval.Value(text).Should().StartWith("#<<c> x: #<error ");
    }
}
