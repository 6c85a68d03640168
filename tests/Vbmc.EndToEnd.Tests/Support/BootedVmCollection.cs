using System.Diagnostics;
using System.Globalization;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.EndToEnd.Tests.Support;

/// <summary>
/// The tests that boot a VM: one at a time (two TCG guests on two cores would slow both past
/// their timeouts), sharing one compile of examples/boot-2014.scm, image included.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BootedVmCollection : ICollectionFixture<CompiledBootExample>
{
    public const string Name = "booted VMs";
}

/// <summary>
/// examples/boot-2014.scm (2014-06-01, Broadwell, 2 CPUs, 1 GiB) moved to a free host port and
/// compiled once with the real CLI, image included (the first compile makes the Debian base
/// with mmdebstrap, then cached). Tests apply it and boot what they applied.
/// </summary>
public sealed class CompiledBootExample : IDisposable
{
    public const string Example = "boot-2014.scm";
    private const string ExamplePort = "11422";

    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-e2e-compiled-").FullName;
    private readonly Lazy<string> _compiled;

    public CompiledBootExample()
    {
        Port = Network.FreePort();
        var text = File.ReadAllText(Path.Combine(RepoPaths.Examples, Example));
        if (text.Split(ExamplePort).Length != 2) throw new InvalidOperationException($"{Example} must name its SSH host port {ExamplePort} once");
        Configuration = Path.Combine(_folder, Example);
        File.WriteAllText(Configuration, text.Replace(ExamplePort, Port.ToString(CultureInfo.InvariantCulture)));
        Vm = LoweredPlans.FromFile(Configuration).Vms.Single();
        _compiled = new Lazy<string>(Compile);
    }

    public string Configuration { get; }
    public int Port { get; }
    public VmPlan Vm { get; }

    /// <summary>How long the compile took (image included), once <see cref="Folder"/> was asked for.</summary>
    public TimeSpan CompileTime { get; private set; }

    /// <summary>The compile folder, compiled on first use.</summary>
    public string Folder => _compiled.Value;

    private string Compile()
    {
        foreach (var (program, package) in new[] { ("qemu-img", "qemu-utils"), ("mke2fs", "e2fsprogs"), ("mmdebstrap", "mmdebstrap") })
            HostTools.Require(program, package);
        var output = Path.Combine(_folder, "out");
        var clock = Stopwatch.StartNew();
        var result = Vbmc.Run(TimeSpan.FromMinutes(20), null, "compile", Configuration, "-o", output);
        CompileTime = clock.Elapsed;
        if (result.ExitCode != 0) throw new InvalidOperationException($"vbmc compile failed:\n{result.Stdout}\n{result.Stderr}");
        return output;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
