using System.Buffers;
using System.Globalization;
using System.Text;
using Vbmc.Lowering;

namespace Vbmc.Emitters.Offload;

/// <summary>
/// nix/machines in Nix's machine-file format (/etc/nix/machines, Nix's <c>builders</c> setting):
/// one machine per line, eight space-separated fields, <c>-</c> for an empty one:
/// <code>
/// STORE-URI SYSTEMS SSH-IDENTITY MAX-JOBS SPEED-FACTOR SUPPORTED-FEATURES MANDATORY-FEATURES BASE64-HOST-KEY
/// </code>
/// </summary>
/// <remarks>
/// <para>A VM is named by its ssh alias, <c>ssh-ng://offload@vbmc-NAME</c>, which
/// <see cref="SshConfigEmitter"/> defines in root's ssh_config (address, port, key). A port in the
/// store URI would need Nix 2.31 (2025-08, NixOS/nix#7044): older Nix, Debian 12's 2.8 among them,
/// hands <c>host:port</c> to ssh as a host name and fails with "Could not resolve hostname"
/// (NixOS/nix#5178). With the alias the very same line works with every Nix from 2.8 on.
/// Other machines keep <c>ssh-ng://USER@HOST[:PORT]</c>, as the configuration gave them.</para>
/// <para>The alias reaches 127.0.0.1, never "localhost": the VM's forward listens on 127.0.0.1
/// only, and Nix treats the host name "localhost" specially (it runs the remote command on this
/// machine without ssh; 2.31.0 to 2.31.2 did so even for <c>user@localhost</c>, NixOS/nix#14148),
/// which would build on the host instead of in the VM.</para>
/// <para>The host key field is base64 of the whole public key line, as the Nix manual says
/// (<c>base64 -w0 /etc/ssh/ssh_host_ed25519_key.pub</c>). Nix decodes it into a temporary
/// known_hosts file as <c>HOST KEY</c>, HOST being the alias, which is also the alias's
/// <c>HostKeyAlias</c>. The key of a VM is only known once apply has made it: compile writes
/// <c>-</c> and apply calls <see cref="Emit(CompilePlan, IReadOnlyDictionary{string, string}?)"/>
/// again with the keys.</para>
/// <para>The speed factor is written as an integer when it is one (Nix before about 2.16 parsed
/// this field as an unsigned integer and rejects "1.0"), else as a decimal, which only Nix with
/// fractional speed factors reads.</para>
/// </remarks>
public static class NixMachinesEmitter
{
    /// <summary>The host a VM's forwarded SSH port listens on (vbmc binds every forward there).</summary>
    public const string VmHost = "127.0.0.1";

    /// <summary>
    /// The artifact. <paramref name="hostKeys"/> maps a VM's name to its public host key line (the
    /// text of /etc/vbmc/NAME/ssh_host_ed25519_key.pub); a VM without one gets <c>-</c> (ssh then
    /// uses root's known_hosts). Call <see cref="Problems(CompilePlan)"/> first: a plan with
    /// problems, or a host key that is not one line, is a caller's error (ArgumentException).
    /// </summary>
    public static Artifact Emit(CompilePlan plan, IReadOnlyDictionary<string, string>? hostKeys = null) =>
        Artifact.Text(InstallLayout.NixMachinesPath, Render(plan, hostKeys), ArtifactKind.NixMachines);

    /// <summary>The text of nix/machines (deterministic: it depends on the plan and the keys only).</summary>
    public static string Render(CompilePlan plan, IReadOnlyDictionary<string, string>? hostKeys = null)
    {
        var problems = Problems(plan);
        if (problems.Count > 0)
            throw new ArgumentException("the plan has values nix/machines cannot hold (report Problems() first): "
                + string.Join("; ", problems.Select(p => p.Message)), nameof(plan));
        var text = new StringBuilder();
        text.Append(ManifestNixMachine.Header(plan.SourceSha256));
        foreach (var machine in Listed(plan))
        {
            string? key = null;
            if (machine.Vm is { } vm && hostKeys is not null && hostKeys.TryGetValue(vm, out var given))
            {
                key = given.Trim();
                if (key.Length == 0 || key.Contains('\n') || key.Contains('\r'))
                    throw new ArgumentException($"the host key given for VM {vm} is not one line", nameof(hostKeys));
            }
            text.Append(Line(machine, key ?? machine.HostKey)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One machine's line, without its line break.</summary>
    public static string Line(BuildMachinePlan machine, string? hostKey) => string.Join(' ', Fields(machine, hostKey));

    /// <summary>The line's eight fields, <c>-</c> for an empty one.</summary>
    public static IReadOnlyList<string> Fields(BuildMachinePlan machine, string? hostKey) =>
    [
        StoreUri(machine),
        string.Join(',', machine.Systems.Select(NixSystemTypes.FromGuix)),
        machine.PrivateKey,
        machine.ParallelBuilds.ToString(CultureInfo.InvariantCulture),
        SpeedFactor(machine.Speed),
        machine.Features.Count == 0 ? "-" : string.Join(',', machine.Features),
        machine.MandatoryFeatures.Count == 0 ? "-" : string.Join(',', machine.MandatoryFeatures),
        hostKey is { } key ? ManifestNixMachine.HostKeyFieldOf(key) : "-",
    ];

    /// <summary>
    /// The manifest's intents for nix/machines: each line's fields, a VM's with the slot apply
    /// fills with the VM's host key (compile cannot know it).
    /// </summary>
    public static IReadOnlyList<ManifestNixMachine> Intents(CompilePlan plan) =>
        Problems(plan).Count > 0 ? [] : [.. Listed(plan).Select(m => new ManifestNixMachine(Fields(m, m.HostKey), m.Vm))];

    /// <summary>
    /// A VM's <c>ssh-ng://USER@vbmc-NAME</c>; another machine's <c>ssh-ng://USER@HOST[:PORT]</c>, the
    /// port only when it is not 22, an IPv6 address in brackets.
    /// </summary>
    public static string StoreUri(BuildMachinePlan machine)
    {
        if (machine.Vm is { } vm) return $"ssh-ng://{machine.User}@{InstallLayout.SshHostAlias(vm)}";
        var host = Host(machine);
        if (host.Contains(':')) host = $"[{host}]";
        var port = machine.Port == 22 ? "" : ":" + machine.Port.ToString(CultureInfo.InvariantCulture);
        return $"ssh-ng://{machine.User}@{host}{port}";
    }

    /// <summary>The host ssh connects to: <see cref="VmHost"/> for a VM, else the machine's name.</summary>
    public static string Host(BuildMachinePlan machine) => machine.Vm is null ? machine.Name : VmHost;

    /// <summary>Every value of the plan's machines that nix/machines cannot hold, in plan order.</summary>
    public static IReadOnlyList<NixMachineProblem> Problems(CompilePlan plan)
    {
        // One list for the whole plan, no iterator per machine: check runs this for every machine.
        var problems = new List<NixMachineProblem>();
        foreach (var machine in plan.BuildMachines)
            if (machine.ForNix) AddProblems(machine, problems);
        return problems;
    }

    /// <summary>The machines the file lists: every one, but a VM only when its guest runs nix-daemon.</summary>
    public static IEnumerable<BuildMachinePlan> Listed(CompilePlan plan) => plan.BuildMachines.Where(m => m.ForNix);

    /// <summary>The values of one machine that nix/machines cannot hold.</summary>
    public static IReadOnlyList<NixMachineProblem> Problems(BuildMachinePlan m)
    {
        var problems = new List<NixMachineProblem>();
        AddProblems(m, problems);
        return problems;
    }

    private static void AddProblems(BuildMachinePlan m, List<NixMachineProblem> problems)
    {
        void Problem(string field, string value, string reason) => problems.Add(new(m, field, value, reason));

        if (HostProblem(Host(m)) is { } host) Problem("name", m.Name, host);
        if (UserProblem(m.User) is { } user) Problem("user", m.User, user);
        if (m.PrivateKey is "" or "-") Problem("private-key", m.PrivateKey, "Nix reads an empty or \"-\" field as no key");
        else if (WordProblem(m.PrivateKey) is { } key) Problem("private-key", m.PrivateKey, key);
        if (m.Systems.Count == 0)
            Problem("systems", "", "the list is empty, and Nix reads an empty field as this host's own system");
        // By index: a foreach over an IReadOnlyList makes an enumerator per list and machine.
        for (var i = 0; i < m.Systems.Count; i++)
            if (ListItemProblem(NixSystemTypes.FromGuix(m.Systems[i])) is { } reason) Problem("systems", m.Systems[i], reason);
        for (var i = 0; i < m.Features.Count; i++)
            if (ListItemProblem(m.Features[i]) is { } reason) Problem("features", m.Features[i], reason);
        if (m.Features is [var only] && only == "-")
            Problem("features", only, "Nix reads a \"-\" field as no feature");
        for (var i = 0; i < m.MandatoryFeatures.Count; i++)
            if (ListItemProblem(m.MandatoryFeatures[i]) is { } reason) Problem("mandatory-features", m.MandatoryFeatures[i], reason);
        if (m.MandatoryFeatures is [var lone1] && lone1 == "-")
            Problem("mandatory-features", lone1, "Nix reads a \"-\" field as no feature");
        if (m.Systems is [var lone] && lone == "-")
            Problem("systems", lone, "Nix reads a \"-\" field as this host's own system");
        if (double.IsNaN(m.Speed) || double.IsInfinity(m.Speed) || m.Speed < 0)
            Problem("speed", SchemeSpeed(m.Speed), "Nix wants a speed factor of 0 or more");
        if (m.Vm is null && m.HostKey is { } hostKey && hostKey.AsSpan().Trim().ContainsAny('\n', '\r'))
            Problem("host-key", hostKey, "it spans several lines, which Nix would copy into its known_hosts file as several entries");
    }

    /// <summary>The speed factor field: an integer when the speed is one (every Nix reads that), else a decimal.</summary>
    public static string SpeedFactor(double speed) =>
        speed == Math.Floor(speed) && Math.Abs(speed) < 1e15
            ? ((long)speed).ToString(CultureInfo.InvariantCulture)
            : speed.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();

    private static string SchemeSpeed(double speed) => Vbmc.Emitters.Scheme.SchemeWriter.Real(speed);

    /// <summary>
    /// A host name (letters, digits, '.', '-', '_', '~': RFC 3986's unreserved characters, all
    /// that Nix's URI parser and ssh take literally) or an IPv6 address.
    /// </summary>
    private static string? HostProblem(string host)
    {
        if (host.Length == 0) return "it is empty";
        if (host.Contains(':'))
            return host.AsSpan().ContainsAnyExcept(Ipv6Characters) ? "an IPv6 address has only hex digits, ':' and '.'" : null;
        if (host[0] == '-') return "it starts with '-', which ssh would take as an option";
        return host.AsSpan().ContainsAnyExcept(Unreserved) ? "a host name in a Nix store URI may only have letters, digits, '.', '-', '_' and '~'" : null;
    }

    private static string? UserProblem(string user)
    {
        if (user.Length == 0) return "it is empty";
        if (user[0] == '-') return "it starts with '-', which ssh would take as an option";
        return user.AsSpan().ContainsAnyExcept(Unreserved) ? "a user name in a Nix store URI may only have letters, digits, '.', '-', '_' and '~'" : null;
    }

    /// <summary>RFC 3986's unreserved characters: ASCII letters and digits, '.', '-', '_', '~'.</summary>
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_~");

    /// <summary>What an IPv6 address is written with: ASCII hex digits, ':' and '.'.</summary>
    private static readonly SearchValues<char> Ipv6Characters = SearchValues.Create("0123456789ABCDEFabcdef:.");

    /// <summary>Why a field's text cannot stand in the file as one word, or null.</summary>
    private static string? WordProblem(string word)
    {
        if (Any(word, char.IsWhiteSpace)) return "it contains white space, and the file separates fields with spaces (there is no quoting)";
        if (Any(word, char.IsControl)) return "it contains a control character";
        if (word.Contains('#')) return "it contains '#', which starts a comment in Nix's machines file";
        if (word.Contains(';')) return "it contains ';', which ends a machine in Nix's machines file";
        return null;
    }

    /// <summary>Whether a character of <paramref name="text"/> is one <paramref name="test"/> accepts (a loop: LINQ's Any would make an enumerator per call).</summary>
    private static bool Any(string text, Func<char, bool> test)
    {
        foreach (var c in text)
            if (test(c)) return true;
        return false;
    }

    private static string? ListItemProblem(string item)
    {
        if (item.Length == 0) return "it is empty";
        if (item.Contains(',')) return "it contains ',', which separates the items of a list field";
        return WordProblem(item);
    }
}
