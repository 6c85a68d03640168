using Vbmc.Lowering;

namespace Vbmc.Emitters.Offload;

/// <summary>
/// A value of a build machine that Nix's machines file cannot hold. The format has no quoting
/// (fields are split at white space, '#' starts a comment, ';' ends a line), so such a value
/// must be rejected before compile writes anything: compile reports each one as a
/// <c>VBM5002</c> (not expressible) diagnostic.
/// </summary>
/// <param name="Machine">The machine whose value it is.</param>
/// <param name="Field">The build-machine field, in Guix's name (name, user, private-key, systems, ...).</param>
/// <param name="Value">The value as the configuration gave it.</param>
/// <param name="Reason">Why nix/machines cannot hold it, as a phrase.</param>
public sealed record NixMachineProblem(BuildMachinePlan Machine, string Field, string Value, string Reason)
{
    /// <summary>A diagnostic's message, e.g. <c>nix/machines cannot hold the build machine's user "a b": it contains white space</c>.</summary>
    public string Message => $"nix/machines cannot hold the build machine's {Field} {Show(Value)}: {Reason}";

    /// <summary>The value in a diagnostic: quoted, with line breaks and other controls made visible.</summary>
    private static string Show(string value)
    {
        var text = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
