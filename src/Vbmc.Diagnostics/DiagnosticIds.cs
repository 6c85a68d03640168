namespace Vbmc.Diagnostics;

/// <summary>
/// Every diagnostic id vbmc emits, in one place so ids stay stable and unique.
/// VBM1xxx: reader. VBM2xxx: evaluator. VBM3xxx: records and field types.
/// VBM4xxx: services. VBM5xxx: lowering and compile. VBM6xxx: guest image. VBM7xxx: host (apply, test). VBM9xxx: usage and I/O.
/// Each id has a short title used as the SARIF rule name.
/// </summary>
public static class DiagnosticIds
{
    // Reader
    public const string UnterminatedList = "VBM1001";
    public const string UnterminatedString = "VBM1002";
    public const string BadEscape = "VBM1003";
    public const string BadHashSyntax = "VBM1004";
    public const string UnexpectedCloseParen = "VBM1005";
    public const string BadCharacter = "VBM1006";
    public const string BadNumber = "VBM1007";
    public const string BadDot = "VBM1008";
    public const string MismatchedBracket = "VBM1009";
    public const string NestingTooDeep = "VBM1010";
    public const string UnterminatedComment = "VBM1011";
    public const string InvalidEncoding = "VBM1012";
    public const string SyntaxError = "VBM1099";

    // Evaluator
    public const string UnboundVariable = "VBM2001";
    public const string WrongArgumentCount = "VBM2002";
    public const string WrongType = "VBM2003";
    public const string BadSyntax = "VBM2004";
    public const string NotAProcedure = "VBM2005";
    public const string UserError = "VBM2006";
    public const string StepBudgetExceeded = "VBM2007";
    public const string EvaluationTooDeep = "VBM2008";
    public const string UnknownModule = "VBM2009";
    public const string Unsupported = "VBM2010";
    public const string FileNotFound = "VBM2011";
    public const string HostDependent = "VBM2012";
    public const string DeprecatedName = "VBM2013";
    public const string MemoryBudgetExceeded = "VBM2014";
    public const string RuntimeError = "VBM2099";

    // Records and field types
    public const string MissingFieldInitializers = "VBM3001";
    public const string ExtraneousFieldInitializers = "VBM3002";
    public const string DuplicateFieldInitializer = "VBM3003";
    public const string InvalidFieldSpecifier = "VBM3004";
    public const string FieldTypeMismatch = "VBM3005";
    public const string ThunkCycle = "VBM3006";
    public const string ThisRecordOutside = "VBM3007";
    public const string DeprecatedField = "VBM3008";
    public const string FieldAdvisory = "VBM3009";

    // Services: folding and Shepherd (VBM40xx; VBM41xx+ are left for the virtualization checks)
    public const string MissingTargetService = "VBM4001";
    public const string AmbiguousTargetService = "VBM4002";
    public const string RootServiceNotFound = "VBM4003";
    public const string ServiceCycle = "VBM4004";
    public const string ServiceExtensionFailed = "VBM4005";
    public const string ShepherdDuplicateProvision = "VBM4006";
    public const string ShepherdMissingRequirement = "VBM4007";
    public const string ServiceCheckFailed = "VBM4008";
    public const string MissingRootFileSystem = "VBM4009";
    public const string DuplicateEtcEntry = "VBM4010";

    // Virtual build machines: checks beyond Guix (VBM41xx)
    public const string HostPortConflict = "VBM4101";
    public const string NoSshForward = "VBM4102";
    public const string DuplicateBuildVmName = "VBM4103";
    public const string InvalidBuildVmName = "VBM4104";
    public const string CpuModelFallback = "VBM4105";
    public const string InvalidOffloadMachine = "VBM4106";
    public const string GuestLacksDaemon = "VBM4107";
    public const string UndeclaredGroup = "VBM4108";
    public const string ConfigurationValue = "VBM4109";
    public const string UnknownCpuModel = "VBM4110";
    public const string QemuLimit = "VBM4111";

    // Lowering and compile (VBM5xxx)
    public const string UnsupportedForCompile = "VBM5001";
    public const string NotExpressible = "VBM5002";
    public const string OutputFolderConflict = "VBM5003";
    public const string OutputFolderBusy = "VBM5004";

    // Guest image (VBM6xxx)
    public const string ImageToolMissing = "VBM6001";
    public const string ImageBuildFailed = "VBM6002";
    public const string ImageBaseInvalid = "VBM6003";

    // Host: apply, generations, test (VBM7xxx)
    public const string ApplyFailed = "VBM7001";
    public const string ApplyConflict = "VBM7002";
    public const string GenerationNotFound = "VBM7003";
    public const string MachineTestFailed = "VBM7004";
    public const string VmOperationFailed = "VBM7005";

    // Usage and I/O
    public const string UsageError = "VBM9001";
    public const string IoError = "VBM9002";
    public const string TooManyDiagnostics = "VBM9003";
    public const string InternalError = "VBM9099";

    private static readonly Dictionary<string, string> TitleById = new()
    {
        [UnterminatedList] = "unterminated-list",
        [UnterminatedString] = "unterminated-string",
        [BadEscape] = "bad-escape",
        [BadHashSyntax] = "bad-hash-syntax",
        [UnexpectedCloseParen] = "unexpected-close-paren",
        [BadCharacter] = "bad-character",
        [BadNumber] = "bad-number",
        [BadDot] = "bad-dot",
        [MismatchedBracket] = "mismatched-bracket",
        [NestingTooDeep] = "nesting-too-deep",
        [UnterminatedComment] = "unterminated-comment",
        [InvalidEncoding] = "invalid-encoding",
        [SyntaxError] = "syntax-error",
        [UnboundVariable] = "unbound-variable",
        [WrongArgumentCount] = "wrong-argument-count",
        [WrongType] = "wrong-type",
        [BadSyntax] = "bad-syntax",
        [NotAProcedure] = "not-a-procedure",
        [UserError] = "user-error",
        [StepBudgetExceeded] = "step-budget-exceeded",
        [EvaluationTooDeep] = "evaluation-too-deep",
        [UnknownModule] = "unknown-module",
        [Unsupported] = "unsupported",
        [FileNotFound] = "file-not-found",
        [HostDependent] = "host-dependent",
        [DeprecatedName] = "deprecated-name",
        [MemoryBudgetExceeded] = "memory-budget-exceeded",
        [RuntimeError] = "runtime-error",
        [MissingFieldInitializers] = "missing-field-initializers",
        [ExtraneousFieldInitializers] = "extraneous-field-initializers",
        [DuplicateFieldInitializer] = "duplicate-field-initializer",
        [InvalidFieldSpecifier] = "invalid-field-specifier",
        [FieldTypeMismatch] = "field-type-mismatch",
        [ThunkCycle] = "thunk-cycle",
        [ThisRecordOutside] = "this-record-outside-instantiation",
        [DeprecatedField] = "deprecated-field",
        [FieldAdvisory] = "field-advisory",
        [MissingTargetService] = "missing-target-service",
        [AmbiguousTargetService] = "ambiguous-target-service",
        [RootServiceNotFound] = "root-service-not-found",
        [ServiceCycle] = "service-cycle",
        [ServiceExtensionFailed] = "service-extension-failed",
        [ShepherdDuplicateProvision] = "shepherd-duplicate-provision",
        [ShepherdMissingRequirement] = "shepherd-missing-requirement",
        [ServiceCheckFailed] = "service-check-failed",
        [MissingRootFileSystem] = "missing-root-file-system",
        [DuplicateEtcEntry] = "duplicate-etc-entry",
        [HostPortConflict] = "host-port-conflict",
        [NoSshForward] = "no-ssh-forward",
        [DuplicateBuildVmName] = "duplicate-build-vm-name",
        [InvalidBuildVmName] = "invalid-build-vm-name",
        [CpuModelFallback] = "cpu-model-fallback",
        [InvalidOffloadMachine] = "invalid-offload-machine",
        [GuestLacksDaemon] = "guest-lacks-daemon",
        [UndeclaredGroup] = "undeclared-group",
        [ConfigurationValue] = "configuration-value",
        [UnknownCpuModel] = "unknown-cpu-model",
        [QemuLimit] = "qemu-limit",
        [UnsupportedForCompile] = "unsupported-for-compile",
        [NotExpressible] = "not-expressible",
        [OutputFolderBusy] = "output-folder-busy",
        [OutputFolderConflict] = "output-folder-conflict",
        [ImageToolMissing] = "image-tool-missing",
        [ImageBuildFailed] = "image-build-failed",
        [ImageBaseInvalid] = "image-base-invalid",
        [ApplyFailed] = "apply-failed",
        [ApplyConflict] = "apply-conflict",
        [GenerationNotFound] = "generation-not-found",
        [MachineTestFailed] = "machine-test-failed",
        [VmOperationFailed] = "vm-operation-failed",
        [UsageError] = "usage-error",
        [IoError] = "io-error",
        [TooManyDiagnostics] = "too-many-diagnostics",
        [InternalError] = "internal-error",
    };

    /// <summary>All known ids with their titles, for SARIF rule tables and uniqueness tests.</summary>
    public static IReadOnlyDictionary<string, string> Titles => TitleById;

    public static string TitleOf(string id) => TitleById.TryGetValue(id, out var t) ? t : id;
}
