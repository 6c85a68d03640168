using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>QEMU's user network isolates the guest unless the VM asks for network access.</summary>
public sealed class NetworkIsolationTests
{
    [Fact]
    public void The_guest_is_isolated_by_default_and_network_access_lifts_it()
    {
        using (var isolated = ScriptFolder.Plain(LoweredPlans.Vm()))
            isolated.PrintedCommand("--accel", "tcg", "--no-secrets").Should()
                .Contain("user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:11022-:22");
        using var open = ScriptFolder.Plain(LoweredPlans.Vm("(network-access? #t)"));
        open.PrintedCommand("--accel", "tcg", "--no-secrets").Should()
            .Contain("user,model=virtio-net-pci,hostfwd=tcp:127.0.0.1:11022-:22");
    }
}
