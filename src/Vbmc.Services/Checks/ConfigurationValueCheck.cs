using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services.Checks;

/// <summary>
/// The file must give what the programs that load it take. A file whose last form gives no value
/// (a definition) is what `guix system` rejects ("does not return an operating system"); a single
/// build-machine record is a machines file `guix offload` ignores ("did not return a list of build
/// machines"). Other values (a record to print with `vbmc eval`) are left alone.
/// </summary>
public sealed class ConfigurationValueCheck : IServiceCheck
{
    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        switch (graph.Configuration)
        {
            case Unspecified when graph.Context.LastTopLevelSpan is { } last:
                diagnostics.Error(DiagnosticIds.ConfigurationValue, last,
                    "the configuration gives no value: its last form is a definition",
                    "end the file with the operating-system, the list of services or the list of build machines it describes");
                break;
            case Pair list when Lists.ToListOrNull(list) is { } items && items.Any(IsChannel) && items.Any(IsNotChannel):
                diagnostics.Error(DiagnosticIds.ConfigurationValue, graph.Context.LastTopLevelSpan ?? graph.FileSpan,
                    $"a channels file gives a list of channels: {Printing.Printer.Brief(items.First(IsNotChannel))} is not one, and guix pull refuses the file",
                    "keep only (channel ...) records in the list");
                break;
            case Record { Type.Name: "<build-machine>" } machine:
                diagnostics.Error(DiagnosticIds.ConfigurationValue, machine.Span.HasPosition ? machine.Span : graph.FileSpan,
                    "a machines file gives a list of build machines, not one: guix offload ignores this file",
                    "write (list (build-machine ...))");
                break;
        }
    }

    /// <summary>A channel record, or a value vbmc knows from Guix's data to be one (an element of %default-channels).</summary>
    private static bool IsChannel(object value) =>
        value is Record { Type.Name: "<channel>" } || value is Vbmc.Evaluation.Guix.OpaqueValue { TypeName: "<channel>" };

    /// <summary>A value that surely is not a channel (an unknown value may be one).</summary>
    private static bool IsNotChannel(object value) => !IsChannel(value) && value is not Vbmc.Evaluation.Guix.OpaqueValue;
}
