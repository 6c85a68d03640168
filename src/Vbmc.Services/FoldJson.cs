using System.Text.Json.Nodes;
using Vbmc.Data;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services;

/// <summary>
/// The fold as JSON for <c>vbmc eval --json</c>: an object whose keys are the target service
/// type names (sorted), each with its folded value in <see cref="ValueJson"/>'s conventions.
/// The root (<c>system</c>) is left out (it only gathers the others), and
/// <c>shepherd-root</c> shows its list of Shepherd services rather than the whole configuration.
/// </summary>
public static class FoldJson
{
    /// <param name="writer">The writer of the document's earlier parts (the configuration's value):
    /// a record the fold shares with them, or between two targets, is written once.</param>
    public static JsonObject ToJson(FoldResult fold, ValueJson? writer = null)
    {
        var result = new JsonObject();
        writer ??= new ValueJson();
        foreach (var name in fold.Targets.Keys.Where(k => k != "system").OrderBy(k => k, StringComparer.Ordinal))
        {
            var value = fold.Targets[name].Value;
            if (name == "shepherd-root") value = ShepherdGraph.ServicesOf(value);
            result[name] = ToJsonSafe(writer, value);
        }
        return result;
    }

    private static JsonNode? ToJsonSafe(ValueJson writer, object value)
    {
        try
        {
            return writer.Write(value);
        }
        catch (SchemeError e)
        {
            return new JsonObject { ["$error"] = e.Message };
        }
    }
}
