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
    public static JsonObject ToJson(FoldResult fold)
    {
        var result = new JsonObject();
        foreach (var name in fold.Targets.Keys.Where(k => k != "system").OrderBy(k => k, StringComparer.Ordinal))
        {
            var value = fold.Targets[name].Value;
            if (name == "shepherd-root") value = ShepherdGraph.ServicesOf(value);
            result[name] = ToJsonSafe(value);
        }
        return result;
    }

    private static JsonNode? ToJsonSafe(object value)
    {
        try
        {
            return ValueJson.ToJson(value);
        }
        catch (SchemeError e)
        {
            return new JsonObject { ["$error"] = e.Message };
        }
    }
}
