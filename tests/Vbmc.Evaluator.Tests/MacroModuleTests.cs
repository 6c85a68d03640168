using Vbmc.Data;
using Vbmc.Evaluation;
using Vbmc.Reading;

namespace Vbmc.Evaluator.Tests;

public class MacroModuleTests
{
    private static object Run(string text, Module module, EvalContext ctx) =>
        TopLevel.RunForms(SchemeReader.Read(text, "m.scm").Data, module, ctx);

    [Fact]
    public void A_macro_expands_to_private_helpers_of_its_own_module()
    {
        var ctx = new EvalContext(new EvaluationOptions(), Path.GetTempPath());
        using (ctx.Activate())
        {
            var library = new Module("(test library)", ModuleRegistry.Core);
            Run("(define (helper x) (* x 2)) (define-syntax dbl (syntax-rules () ((_ x) (helper x))))", library, ctx);
            var user = new Module("(test user)", ModuleRegistry.Core);
            user.Import(Symbol.Intern("dbl"), library.Table[Symbol.Intern("dbl")]);
            Run("(define helper 'not-the-library-one) (dbl 21)", user, ctx).Should().Be(new System.Numerics.BigInteger(42));
            ctx.Diagnostics.Items.Should().BeEmpty();
        }
    }
}
