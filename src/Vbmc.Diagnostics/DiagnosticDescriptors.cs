namespace Vbmc.Diagnostics;

/// <summary>
/// What an id means, for people and for review tools: its title (the SARIF rule name), the
/// severity it has unless a stage says otherwise, a one-sentence description and help that says
/// what to do (SARIF's fullDescription and help, shown beside the code in review).
/// </summary>
public sealed record DiagnosticDescriptor(string Id, string Title, Severity DefaultSeverity, string Description, string Help);

/// <summary>The descriptor of every id of <see cref="DiagnosticIds"/> (a test checks that none is missing).</summary>
public static class DiagnosticDescriptors
{
    private static DiagnosticDescriptor E(string id, string description, string help) => new(id, DiagnosticIds.TitleOf(id), Severity.Error, description, help);
    private static DiagnosticDescriptor W(string id, string description, string help) => new(id, DiagnosticIds.TitleOf(id), Severity.Warning, description, help);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new DiagnosticDescriptor[]
    {
        E(DiagnosticIds.UnterminatedList, "A list or vector is not closed before the end of the file.", "Close the bracket the error points at (the innermost one still open)."),
        E(DiagnosticIds.UnterminatedString, "A string is not closed before the end of the file.", "Add the closing double quote; a quote inside a string is written \\\"."),
        E(DiagnosticIds.BadEscape, "A string has an escape Guile does not read.", "Use \\\" \\\\ \\n \\t \\a \\0 or \\xHH; escapes, as Guile's reader does."),
        E(DiagnosticIds.BadHashSyntax, "A # form is not one Guile's reader knows.", "Write #t/#f, #\\char, #:keyword, #( vector, #~ #$ gexps or #| comment |#."),
        E(DiagnosticIds.UnexpectedCloseParen, "A closing bracket has no opening one.", "Remove it, or add the opening bracket it belongs to."),
        E(DiagnosticIds.BadCharacter, "A #\\ character name Guile does not know.", "Use a single character or a name such as #\\space, #\\newline, #\\x41."),
        E(DiagnosticIds.BadNumber, "A number Guile's reader refuses.", "Write the number as Guile reads it (e.g. 1.5, 1/2, #x1F)."),
        E(DiagnosticIds.BadDot, "A dot that does not make a dotted pair.", "A dotted pair is (a . b), with one datum after the dot."),
        E(DiagnosticIds.MismatchedBracket, "A list opened with one kind of bracket is closed with the other.", "Close ( with ) and [ with ]."),
        E(DiagnosticIds.NestingTooDeep, "Lists nest deeper than vbmc reads.", "A configuration never needs this depth: the file is probably not a configuration."),
        E(DiagnosticIds.UnterminatedComment, "A #| block comment is not closed.", "Close it with |#."),
        E(DiagnosticIds.InvalidEncoding, "A source file is not valid UTF-8 (the encoding Guile reads Guix files in).",
            "Convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8."),
        E(DiagnosticIds.SyntaxError, "The text cannot be read as Scheme.", "Fix the text at the place shown."),
        E(DiagnosticIds.UnboundVariable, "A name is used that nothing defines or imports.", "Import the module that exports it (the hint names it when Guix has it), or fix its spelling."),
        E(DiagnosticIds.WrongArgumentCount, "A procedure is called with a number of arguments it does not take.", "Pass the arguments the procedure expects."),
        E(DiagnosticIds.WrongType, "A procedure got a value of a type it does not accept.", "Pass a value of the expected type (the message names it)."),
        E(DiagnosticIds.BadSyntax, "A special form or macro is written in a shape it does not have.", "Write the form as Guile and Guix document it."),
        E(DiagnosticIds.NotAProcedure, "A value that is not a procedure is called.", "Check the brackets: (x) calls x."),
        E(DiagnosticIds.UserError, "The configuration (or a library it uses) raised an error.", "Read the message: it says what the code found wrong."),
        E(DiagnosticIds.StepBudgetExceeded, "Evaluation did more work than vbmc allows, so that a loop that never ends or a value that keeps growing cannot hang check or compile: each call and comparison is a step, each element, character or integer word a builtin makes or prints is one more, and macro expansion has its own budget of syntax items.", "A configuration normally evaluates in far fewer steps: look for a loop or recursion that does not end."),
        E(DiagnosticIds.EvaluationTooDeep, "Evaluation nested deeper than vbmc allows.", "Look for a recursion that does not end."),
        W(DiagnosticIds.UnknownModule, "A module is imported that neither vbmc's models, nor GNU Guix 1.5.0's data, nor a folder given with -L provide. Outside Guix's namespaces this is a warning and the names the module would give are unchecked opaque values; a (gnu ...) or (guix ...) module that Guix 1.5.0 lacks, or any such module with --strict-modules, is an error.",
            "Give its folder with -L DIR when it is yours or a channel's checkout; fix the name when the hint offers a near one."),
        E(DiagnosticIds.Unsupported, "A Guile feature vbmc deliberately does not evaluate.", "Configurations rarely need it; write the value without it."),
        E(DiagnosticIds.FileNotFound, "A file the configuration names does not exist or may not be read.", "vbmc reads only below the configuration's folder and the load path (-L DIR)."),
        W(DiagnosticIds.HostDependent, "A call that asks about the host (getenv, gethostname, a file outside the configuration's folder and the load path) got vbmc's fixed answer or an unknown value, so the result may differ from what Guix would compute on that host.",
            "Give the value with --env NAME=VALUE, or keep the file below the configuration's folder (or add its folder with -L DIR)."),
        E(DiagnosticIds.MemoryBudgetExceeded, "Evaluation needed more memory than vbmc allows: an allocation was refused by vbmc's heap limit (768 MiB), or an exact integer would have had more than 2^20 bits.", "A configuration needs a few megabytes: look for a value that grows without bound (a string, list or number made larger at each step)."),
        W(DiagnosticIds.DeprecatedName, "A name Guix still accepts but has replaced (it warns too).", "Use the replacement the message names."),
        E(DiagnosticIds.RuntimeError, "An error Guile raises while evaluating that no more specific id covers, such as a match with no clause for its value or a date SRFI-19 refuses; \"internal evaluator error\" in the message means a failure of vbmc's evaluator itself.", "Read the message; report it if it says internal evaluator error."),
        E(DiagnosticIds.MissingFieldInitializers, "A record is built without fields that have no default.", "Add the fields the message lists."),
        E(DiagnosticIds.ExtraneousFieldInitializers, "A record is given a field its type does not have.", "Fix the field's name (the hint gives the closest one) or remove it."),
        E(DiagnosticIds.DuplicateFieldInitializer, "A record is given the same field twice.", "Keep one of them."),
        E(DiagnosticIds.InvalidFieldSpecifier, "A record field is written in a shape define-record-type* does not take.", "Write each field as (name value)."),
        E(DiagnosticIds.FieldTypeMismatch, "A record field's value is not of the type the field takes.", "Give a value of the type the message names."),
        E(DiagnosticIds.ThunkCycle, "Thunked fields of a record refer to each other in a cycle.", "Break the cycle: one of the fields must not depend on the other."),
        E(DiagnosticIds.ThisRecordOutside, "this-record (or a record type's own name for it, such as this-operating-system) used where no thunked field's value binds it: Guix refuses the file as a syntax error when it expands it.", "Use it only inside the value of a thunked field of that record."),
        W(DiagnosticIds.DeprecatedField, "A field or name that Guix still accepts but has replaced.", "Use the replacement the message names."),
        W(DiagnosticIds.FieldAdvisory, "A field's value is accepted but probably not what was meant.", "Read the message and change the value if it is not intended."),
        E(DiagnosticIds.MissingTargetService, "A service extends a service type that is not in the configuration and has no default value.", "Add a service of that type, as Guix requires."),
        E(DiagnosticIds.AmbiguousTargetService, "A service extends a service type of which the configuration has more than one.", "Keep one service of that type."),
        E(DiagnosticIds.RootServiceNotFound, "The services have no root to fold into.", "An operating-system's services must include Guix's essential services."),
        E(DiagnosticIds.ServiceCycle, "Services extend each other in a cycle.", "Remove one of the extensions in the cycle."),
        E(DiagnosticIds.ServiceExtensionFailed, "A service's extension failed when it was computed.", "Read the message: the service's value is probably not what its type expects."),
        E(DiagnosticIds.ShepherdDuplicateProvision, "Two Shepherd services provide the same name.", "Give one of them another provision, or remove a duplicate service."),
        E(DiagnosticIds.ShepherdMissingRequirement, "A Shepherd service requires a name no service provides.", "Add the service that provides it, or drop the requirement."),
        E(DiagnosticIds.ServiceCheckFailed, "A check of the services could not run.", "This is a bug of vbmc; report it with the file."),
        E(DiagnosticIds.MissingRootFileSystem, "The operating-system has no file system mounted on /.", "Add a file-system whose mount-point is \"/\", as Guix requires."),
        E(DiagnosticIds.DuplicateEtcEntry, "Two services give the same file of /etc.", "Give each file of /etc once; Guix refuses the system otherwise."),
        E(DiagnosticIds.HostPortConflict, "Two virtual build machines forward the same host port.", "Give each VM its own host port in port-forwardings."),
        E(DiagnosticIds.NoSshForward, "A virtual build machine forwards no host port to the guest's SSH port 22.", "Keep a forward (PORT . 22): the daemons reach the VM through it."),
        E(DiagnosticIds.DuplicateBuildVmName, "Two virtual build machines have the same name.", "Give each VM its own name: it names its service, account and files."),
        E(DiagnosticIds.InvalidBuildVmName, "A virtual build machine's name cannot name its account, unit and files.", "Use a short lower-case name of letters, digits, '_' and '-'."),
        W(DiagnosticIds.CpuModelFallback, "vbmc's table of CPU models by date has no model for the VM: its date is before 2006 (it gets QEMU's qemu64, a warning) or its systems are not x86 (it gets max, a note).", "Set 'cpu' to choose the model yourself."),
        E(DiagnosticIds.InvalidOffloadMachine, "An offload machine is not a build-machine record, or its host key is not an OpenSSH key.", "Give build-machine records with the machine's public host key."),
        W(DiagnosticIds.GuestLacksDaemon, "guix-configuration offloads to a VM whose guest runs no guix-daemon, so no Guix build could run there: vbmc leaves that VM out of machines.scm.", "Add \"guix\" to the image's debian-base packages, or guix-daemon to a root-base's daemons."),
        E(DiagnosticIds.UndeclaredGroup, "An account's primary or supplementary group is not declared.", "Add the group to the operating-system's groups, as Guix requires."),
        E(DiagnosticIds.ConfigurationValue, "The file's value is not what the program that loads it takes: its last form is a definition (so it gives no value), a machines file gives one build-machine instead of a list (guix offload ignores it), or a channels file mixes channels with other values (guix pull refuses it).", "End it with the operating-system, the list of services, the list of build machines or the list of channels it describes."),
        E(DiagnosticIds.UnknownCpuModel, "A VM's cpu is not a model QEMU knows.", "Use a model of 'qemu-system-x86_64 -cpu help' (the hint gives the closest one)."),
        E(DiagnosticIds.QemuLimit, "A VM asks for more than QEMU gives.", "Lower cpu-count or memory-size (MiB)."),
        E(DiagnosticIds.UnsupportedForCompile, "A value vbmc checks but cannot compile yet.", "Use what the message offers instead, or check only."),
        E(DiagnosticIds.NotExpressible, "A value one of the generated files cannot hold.", "Change the value (the message says which file and why)."),
        E(DiagnosticIds.OutputFolderConflict, "A file that vbmc did not write stands where compile must write.", "Move it away, or compile into another folder."),
        E(DiagnosticIds.OutputFolderBusy, "Another vbmc compile is writing the same output folder: two at once would mix the files of both configurations, so the second writes nothing.", "Wait for the other compile to end, or compile into another folder."),
        E(DiagnosticIds.ImageToolMissing, "A program the guest image needs is not installed.", "Install the Debian package the message names, or compile with --no-image."),
        E(DiagnosticIds.ImageBuildFailed, "The guest image could not be built.", "Read the message (and the tool output it shows)."),
        E(DiagnosticIds.ImageBaseInvalid, "The image's root-base is not a usable root file system.", "Give a folder or tar archive with a kernel and initrd in /boot, systemd and sshd."),
        E(DiagnosticIds.ApplyFailed, "vbmc apply could not install the generation.", "Read the message; the previous generation stays current."),
        E(DiagnosticIds.ApplyConflict, "A file of yours stands where apply must install one of vbmc's.", "Move it away; apply changed nothing."),
        E(DiagnosticIds.GenerationNotFound, "The generation asked for does not exist.", "See 'vbmc generations' for the numbers."),
        E(DiagnosticIds.MachineTestFailed, "A build machine failed one of vbmc test's checks.", "Read the failed check: it says what the daemons would meet."),
        E(DiagnosticIds.VmOperationFailed, "Starting, stopping or reaching an installed VM failed on this host.", "Read the message: it quotes the service manager or the VM's log."),
        E(DiagnosticIds.UsageError, "The command line is not one vbmc takes.", "See 'vbmc --help'."),
        E(DiagnosticIds.IoError, "A file could not be read or written.", "Check the path and its permissions."),
        W(DiagnosticIds.TooManyDiagnostics, "More diagnostics than vbmc reports for one run were found; the rest are counted, not shown.", "Fix the first ones: the rest are usually the same mistake repeated."),
        E(DiagnosticIds.InternalError, "vbmc failed in a way it should not.", "This is a bug of vbmc; report it with the input."),
    }.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static IReadOnlyCollection<DiagnosticDescriptor> All => ById.Values;

    /// <summary>The id's descriptor; an id without one (never shipped: a test checks) gets its title as description.</summary>
    public static DiagnosticDescriptor Of(string id) =>
        ById.TryGetValue(id, out var d) ? d : new(id, DiagnosticIds.TitleOf(id), Severity.Error, DiagnosticIds.TitleOf(id).Replace('-', ' '), "");
}
