namespace Vbmc.Diagnostics;

/// <summary>
/// The stage an id belongs to, read from its number (the ranges <see cref="DiagnosticIds"/>
/// documents): review tools show it as the rule's tag, so that reader errors, service checks
/// and host failures can be filtered apart.
/// </summary>
public static class DiagnosticCategory
{
    public static string Of(string id) => id switch
    {
        ['V', 'B', 'M', '1', ..] => "reader",
        ['V', 'B', 'M', '2', ..] => "evaluator",
        ['V', 'B', 'M', '3', ..] => "records",
        ['V', 'B', 'M', '4', '1', ..] => "build-machines",
        ['V', 'B', 'M', '4', ..] => "services",
        ['V', 'B', 'M', '5', ..] => "compile",
        ['V', 'B', 'M', '6', ..] => "guest-image",
        ['V', 'B', 'M', '7', ..] => "host",
        ['V', 'B', 'M', '9', ..] => "usage",
        _ => "other",
    };

    /// <summary>What the stage does, for the rule's help ("found while ...").</summary>
    public static string Stage(string category) => category switch
    {
        "reader" => "reading the file's text",
        "evaluator" => "evaluating the configuration",
        "records" => "building and checking records and their fields",
        "build-machines" => "checking the virtual build machines and offload machines",
        "services" => "folding the services and checking the result",
        "compile" => "lowering the configuration to the files compile writes",
        "guest-image" => "building a guest disk image",
        "host" => "installing on the host (apply) or testing build machines (test)",
        "usage" => "reading the command line and files",
        _ => "running vbmc",
    };
}
