namespace Vbmc.Diagnostics;

/// <summary>How bad a diagnostic is. Only errors make `vbmc check` fail.</summary>
public enum Severity
{
    Note,
    Warning,
    Error,
}
