using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;
using Vbmc.Services;
using Vbmc.Services.Checks;

namespace Vbmc.Lowering;

/// <summary>
/// A VM's keys, from the fold: the <c>vbmc-secret</c> records its service gives
/// <c>vbmc-secret-service-type</c> (stdlib/gnu/services/virtualization.scm). Apply makes them on
/// the host at the paths and for the owners they name (compile never sees a key). A
/// <c>modify-services</c> clause may rename the files or make the guest's host key root's; what
/// apply could not honour (a file outside the VM's secrets folder, an owner other than root or
/// the VM's account, a missing or repeated kind) is an error at the VM.
/// </summary>
internal static class SecretLowering
{
    public const string TargetType = "vbmc-secrets";
    public const string GuestHostKeyKind = "guest-host-key", OffloadKeyKind = "offload-key";

    public static VmSecrets? ForVm(ServiceGraphView graph, BuildVm vm, string name, string account, DiagnosticBag bag)
    {
        var secrets = FoldedRecords.ContributedBy(graph, TargetType, vm.Service).OfType<Record>()
            .Where(r => r.Type.Name == "<vbmc-secret>").ToList();
        string? hostKey = null, hostKeyOwner = null, offloadKey = null;
        var ok = true;
        var folder = InstallLayout.SecretDirectory(name);
        foreach (var secret in secrets)
        {
            // Fields of the wrong type are errors of the analysis already.
            if (FoldedRecords.Field(secret, "kind") is not Symbol { Name: var kind } || FoldedRecords.Field(secret, "path") is not string path
                || FoldedRecords.Field(secret, "owner") is not string owner || FoldedRecords.Field(secret, "vm") is not Symbol { Name: var of })
                return null;
            var at = FoldedRecords.PlaceOf(secret, "path", vm.Place);
            if (of != name)
            {
                bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(secret, "vm", vm.Place),
                    $"unsupported: virtual build machine '{name}' gives a secret of virtual build machine '{of}'", "a VM's service declares its own keys only");
                ok = false;
                continue;
            }
            if (!VmSecrets.IsKeyPath(path, name))
            {
                bag.Error(DiagnosticIds.UnsupportedForCompile, at,
                    $"unsupported: secret {Printing.Printer.Write(path)} of virtual build machine '{name}': vbmc makes a VM's keys in its folder {folder}/",
                    $"use a file name in {folder}/ (letters, digits, '.', '_', '-'; not .pub, secrets.tar, known_hosts or guix-signing-key.*)");
                ok = false;
                continue;
            }
            var allowedOwners = kind == GuestHostKeyKind ? new[] { account, "root" } : ["root"];
            if (!allowedOwners.Contains(owner))
            {
                bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(secret, "owner", vm.Place),
                    $"unsupported: owner {Printing.Printer.Write(owner)} of the {kind} of virtual build machine '{name}'",
                    kind == GuestHostKeyKind
                        ? $"the guest's host key belongs to \"{account}\" (the VM's account) or \"root\""
                        : "the offload key belongs to \"root\" (the build daemons; apply gives it to guix-daemon where that runs unprivileged)");
                ok = false;
                continue;
            }
            ref var slot = ref kind == GuestHostKeyKind ? ref hostKey : ref offloadKey;
            if (slot is not null)
            {
                bag.Error(DiagnosticIds.UnsupportedForCompile, at,
                    $"unsupported: virtual build machine '{name}' declares a second {kind}", "a VM has one key pair of each kind");
                ok = false;
                continue;
            }
            slot = path;
            if (kind == GuestHostKeyKind) hostKeyOwner = owner;
        }
        if (ok && (hostKey is null || offloadKey is null))
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, vm.Place,
                $"virtual build machine '{name}' gives vbmc-secret-service-type no {(hostKey is null ? GuestHostKeyKind : OffloadKeyKind)}: the VM cannot be reached without it",
                "keep virtual-build-machine-service-type's vbmc-secret-service-type extension");
            ok = false;
        }
        if (ok && hostKey == offloadKey)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, vm.Place,
                $"the guest's host key and the offload key of virtual build machine '{name}' are the same file {hostKey}", "give each key its own file");
            ok = false;
        }
        return ok ? new VmSecrets(hostKey!, hostKeyOwner!, offloadKey!) : null;
    }
}
