using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Units.Tests;

public class DeterminismTests
{
    private static IReadOnlyList<Artifact> EmitAll(VmPlan vm) =>
        [.. SystemdEmitter.Emit(vm), ShepherdEmitter.Emit(vm), AccountsEmitter.Emit(vm)];

    [Fact]
    public void Two_separately_lowered_plans_of_one_text_give_byte_identical_files()
    {
        const string Text = """
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type
                           (virtual-build-machine (name 'one) (auto-start? #t) (date (make-date 0 0 0 0 1 6 2014 0))))
                  (service virtual-build-machine-service-type
                           (virtual-build-machine (name 'two) (port-forwardings '((12022 . 22))))))
            """;
        var first = LoweredPlans.FromText(Text).Vms.SelectMany(EmitAll).ToList();
        var second = LoweredPlans.FromText(Text).Vms.SelectMany(EmitAll).ToList();
        first.Should().HaveCount(10);
        first.Select(a => a.RelativePath).Should().OnlyHaveUniqueItems();
        for (var i = 0; i < first.Count; i++)
        {
            second[i].RelativePath.Should().Be(first[i].RelativePath);
            second[i].Content.Should().Equal(first[i].Content, first[i].RelativePath);
        }
    }

    [Fact]
    public void Every_file_is_utf8_text_with_unix_line_ends_and_no_trace_of_time_or_place()
    {
        foreach (var artifact in EmitAll(Plans.Default).Concat(EmitAll(Plans.AutoStart)))
        {
            var text = new System.Text.UTF8Encoding(false, true).GetString(artifact.Content);
            text.Should().NotContain("\r").And.EndWith("\n");
            text.Should().NotContain(Path.GetTempPath()).And.NotContain(RepoPaths.Root)
                .And.NotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-");
        }
    }
}
