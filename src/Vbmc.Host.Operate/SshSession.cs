using Vbmc.Host.Probe;
using Vbmc.Lowering;

namespace Vbmc.Host.Operate;

/// <summary>
/// `vbmc ssh NAME [-- COMMAND...]`: the OpenSSH client as the daemons log in, with the options
/// `vbmc test` uses (<see cref="SshCommand.CommonArguments"/>: the offload key only, the host key
/// pinned, no ssh_config read) and the VM's installed known_hosts, which holds its host key under
/// its ssh alias (hence HostKeyAlias). COMMAND's words reach the guest's shell as ssh passes them.
/// </summary>
public static class SshSession
{
    /// <summary>ssh's ConnectTimeout and keep-alive, as `vbmc test`'s default.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<string> Arguments(InstalledVm vm, IReadOnlyList<string> command)
    {
        if (vm.Vm.SshPort is not { } port)
            throw new OperateException($"{vm.Name} forwards no host port to its port 22: there is nothing to log in to");
        var target = new ProbeTarget
        {
            Host = "127.0.0.1",
            Port = port,
            User = vm.Vm.OffloadUser,
            PrivateKeyFile = vm.OffloadKey,
            Vm = vm.Name,
        };
        if (SshValues.Problem(target) is { } problem) throw new OperateException($"unsupported: {problem}; ssh is not run with it");
        if (!File.Exists(vm.KnownHosts))
            throw new OperateException($"the VM's pinned host key {vm.KnownHosts} is missing (vbmc apply writes it)");
        if (!File.Exists(vm.OffloadKey))
            throw new OperateException($"the offload key {vm.OffloadKey} is missing (vbmc apply makes it)");
        var arguments = new List<string>(new SshCommand("ssh", ConnectTimeout).CommonArguments(target, vm.KnownHosts))
        {
            "-o", "HostKeyAlias=" + InstallLayout.SshHostAlias(vm.Name),
            "--", target.Host,
        };
        arguments.AddRange(command);
        return arguments;
    }
}
