using Vbmc.Diagnostics;
using Vbmc.Evaluation;

namespace Vbmc.Services;

/// <summary>What a check pass sees: the configuration's value, its services and the fold.</summary>
public sealed class ServiceGraphView
{
    internal ServiceGraphView(object? configuration, FoldResult fold, EvalContext context, string fileName, bool servicesAreComplete = false)
    {
        ServicesAreComplete = servicesAreComplete;
        Configuration = configuration;
        Fold = fold;
        Context = context;
        FileName = fileName;
    }

    /// <summary>The file's top-level value (an operating-system, a list of services, build machines...).</summary>
    public object? Configuration { get; }

    public FoldResult Fold { get; }

    /// <summary>
    /// An operating-system all of whose services vbmc knows (none opaque, essential services
    /// included): what no service provides is really missing.
    /// </summary>
    public bool ServicesAreComplete { get; }

    /// <summary>Every service of the graph (empty when the file holds no service).</summary>
    public IReadOnlyList<ServiceNode> Services => Fold.Services;

    /// <summary>The user's services only (not the essential or instantiated ones).</summary>
    public IEnumerable<ServiceNode> UserServices => Fold.Services.Where(s => !s.IsImplicit);

    public IEnumerable<ServiceNode> ServicesOfType(string typeName) => Fold.Services.Where(s => s.TypeName == typeName);

    /// <summary>The evaluation's context (options such as the system; thunks run in it).</summary>
    public EvalContext Context { get; }

    public EvaluationOptions Options => Context.Options;

    public string FileName { get; }

    /// <summary>A location for problems of the file as a whole.</summary>
    public SourceSpan FileSpan => SourceSpan.FileOnly(FileName);
}
