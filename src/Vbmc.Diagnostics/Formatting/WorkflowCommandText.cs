using System.Text;

namespace Vbmc.Diagnostics.Formatting;

/// <summary>
/// The escapes of GitHub Actions workflow commands (`::error file=F,line=L::message`). GitHub's
/// documentation ("Workflow commands for GitHub Actions") gives the command's shape but not its
/// escapes; they are those of GitHub's own toolkit (actions/toolkit, packages/core/src/command.ts:
/// escapeData and escapeProperty) and the runner decodes them (actions/runner,
/// src/Runner.Common/ActionCommand.cs: UnescapeData and UnescapeProperty):
/// <list type="bullet">
/// <item>the message (the command's data, after the second `::`): `%` as %25, CR as %0D, LF as %0A;</item>
/// <item>a property value: the same, plus `:` as %3A and `,` as %2C (properties are split at
/// commas, and the first `::` ends them).</item>
/// </list>
/// `%` is escaped first so that a literal "%0A" in a message stays text (%250A). The runner reads
/// one command per line, so an escaped value can never end the command or start another one.
/// </summary>
public static class WorkflowCommandText
{
    public static string EscapeData(string value) => Escape(value, property: false);

    public static string EscapeProperty(string value) => Escape(value, property: true);

    private static string Escape(string value, bool property)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in JsonText.Clean(value))
        {
            switch (c)
            {
                case '%': sb.Append("%25"); break;
                case '\r': sb.Append("%0D"); break;
                case '\n': sb.Append("%0A"); break;
                case ':' when property: sb.Append("%3A"); break;
                case ',' when property: sb.Append("%2C"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
