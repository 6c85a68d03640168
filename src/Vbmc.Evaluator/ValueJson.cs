using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Vbmc.Data;
using Vbmc.Evaluation.Dates;
using Vbmc.Evaluation.Records;
using Vbmc.Printing;

namespace Vbmc.Evaluation;

/// <summary>
/// Values as JSON for <c>vbmc eval --json</c>. Conventions (stable, documented in the README):
/// records <c>{"$record": "&lt;t&gt;", field: value, ...}</c> in declaration order with defaults and
/// thunked fields resolved; proper lists as arrays; other pairs <c>{"car": .., "cdr": ..}</c>;
/// vectors <c>{"$vector": [..]}</c>; symbols <c>{"$symbol": "x"}</c>; keywords <c>{"$keyword": "x"}</c>;
/// characters <c>{"$char": "a"}</c>; exact integers as numbers (as strings beyond 28 digits);
/// exact rationals as strings ("1/3"); reals as numbers (non-finite ones as strings); dates as
/// ISO-8601 strings; packages <c>{"$package": name, "version": v}</c>; file-like objects
/// <c>{"$file-like": kind, "name": .., "parameters": [..]}</c>; gexps <c>{"$gexp": "#~..."}</c>;
/// procedures <c>{"$procedure": name}</c>; service types <c>{"$service-type": name}</c> (as Guix
/// prints them, by name: a type's extensions hold other types, so printing them whole repeats the
/// service graph at every service); values vbmc knows only by where they come from (Guix's, see
/// Guix/GuixValues.cs) <c>{"$opaque": description}</c>; unspecified as null; a field whose value fails to
/// compute <c>{"$error": message}</c>; a value that contains itself <c>{"$cycle": true}</c>.
/// A record or package met again (the same object: <c>%base-services</c> in the host's and the guest's
/// systems, an account in the system and in the fold) is written once: its first appearance gets
/// <c>"$id": N</c> and each later one is <c>{"$ref": N}</c>, ids counted from 1 in document order.
/// </summary>
public sealed class ValueJson
{
    private readonly HashSet<object> active = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, JsonObject> written = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, int> ids = new(ReferenceEqualityComparer.Instance);

    /// <summary>One value as a document of its own (its records shared within it).</summary>
    public static JsonNode? ToJson(object? value) => new ValueJson().Write(value);

    /// <summary>
    /// A value of a document whose earlier values this writer wrote: a record written before is
    /// a <c>{"$ref": N}</c> to it.
    /// </summary>
    public JsonNode? Write(object? value) => Convert(value, active);

    private JsonNode Shared(object value, JsonObject first)
    {
        if (!ids.TryGetValue(value, out var id))
        {
            ids[value] = id = ids.Count + 1;
            first.Insert(1, "$id", id);
        }
        return new JsonObject { ["$ref"] = id };
    }

    private static JsonNode? SafeName(Record type)
    {
        try { return type.Get("name") is Symbol s ? JsonValue.Create(s.Name) : JsonValue.Create(Printer.Brief(type.Get("name"))); }
        catch (Exception e) when (e is SchemeError or SilentError) { return null; }
    }

    private JsonNode? Convert(object? value, HashSet<object> active)
    {
        switch (value)
        {
            case null or Unspecified: return null;
            case bool b: return JsonValue.Create(b);
            case BigInteger i:
                if (i >= long.MinValue && i <= long.MaxValue) return JsonValue.Create((long)i);
                if (BigInteger.Abs(i) < BigInteger.Pow(10, 28)) return JsonValue.Create((decimal)i);
                return JsonValue.Create(i.ToString(CultureInfo.InvariantCulture));
            case Rational r: return JsonValue.Create(r.ToString());
            case double d: return double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(Printer.Write(d));
            case string s: return JsonValue.Create(s);
            case Symbol sym: return new JsonObject { ["$symbol"] = sym.Name };
            case Keyword k: return new JsonObject { ["$keyword"] = k.Name };
            case SChar c: return new JsonObject { ["$char"] = c.ToString() };
            case Nil: return new JsonArray();
            case SrfiDate date: return JsonValue.Create(Iso8601(date));
            case Package p when written.TryGetValue(p, out var first): return Shared(p, first);
            case Package p: return written[p] = new JsonObject { ["$package"] = p.Name, ["version"] = p.Version };
            case Gexp g: return new JsonObject { ["$gexp"] = Printer.Write(g) };
            case Guix.OpaqueValue o: return new JsonObject { ["$opaque"] = o.Description };
            case Procedure proc: return new JsonObject { ["$procedure"] = proc.Name };
        }
        if (!active.Add(value)) return new JsonObject { ["$cycle"] = true };
        try
        {
            switch (value)
            {
                case Pair p when Lists.ToListOrNull(p) is { } items:
                    return new JsonArray(items.Select(x => Convert(x, active)).ToArray());
                case Pair p:
                    return DottedOrCircular(p, active);
                case object[] v:
                    return new JsonObject { ["$vector"] = new JsonArray(v.Select(x => Convert(x, active)).ToArray()) };
                case Record { Type.Name: "<service-type>" } type when type.Type.IndexOf("name") >= 0:
                    return new JsonObject { ["$service-type"] = SafeName(type) };
                case Record r when written.TryGetValue(r, out var first):
                    return Shared(r, first);
                case Record r:
                {
                    var o = new JsonObject { ["$record"] = r.Type.Name };
                    written[r] = o;
                    for (var i = 0; i < r.Type.Fields.Length; i++)
                    {
                        JsonNode? field;
                        try { field = Convert(r.Get(i), active); }
                        catch (Exception e) when (e is SchemeError or SilentError) { field = new JsonObject { ["$error"] = e.Message }; }
                        o[r.Type.Fields[i].Name.Name] = field;
                    }
                    return o;
                }
                case FileLike f:
                    return new JsonObject
                    {
                        ["$file-like"] = f.Kind, ["name"] = f.Name,
                        ["parameters"] = new JsonArray(f.Parameters.Select(x => Convert(x, active)).ToArray()),
                    };
                case Promise pr:
                    return pr.IsForced ? Convert(pr.Force(), active) : new JsonObject { ["$promise"] = true };
                case MultipleValues mv:
                    return new JsonObject { ["$values"] = new JsonArray(mv.Items.Select(x => Convert(x, active)).ToArray()) };
                default:
                    return new JsonObject { ["$object"] = Printer.Write(value) };
            }
        }
        finally
        {
            active.Remove(value);
        }
    }

    /// <summary>
    /// A dotted or circular list as nested <c>{"car", "cdr"}</c> objects. The cdr chain is walked
    /// in a loop (a long chain must not recurse once per pair); a cdr that comes back to a pair
    /// being converted becomes <c>{"$cycle": true}</c>, so a circular list ends.
    /// </summary>
    private JsonNode DottedOrCircular(Pair head, HashSet<object> active)
    {
        var chain = new List<Pair> { head }; // the caller has put head in active
        object rest = head.Cdr;
        while (rest is Pair q && active.Add(q))
        {
            chain.Add(q);
            rest = q.Cdr;
        }
        try
        {
            var cars = chain.Select(q => Convert(q.Car, active)).ToList();
            var node = rest is Pair ? new JsonObject { ["$cycle"] = true } : Convert(rest, active);
            for (var i = chain.Count - 1; i >= 0; i--) node = new JsonObject { ["car"] = cars[i], ["cdr"] = node };
            return node!;
        }
        finally
        {
            for (var i = 1; i < chain.Count; i++) active.Remove(chain[i]);
        }
    }

    private static string Iso8601(SrfiDate d)
    {
        var text = $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}T{d.Hour:D2}:{d.Minute:D2}:{d.Second:D2}";
        if (d.Nanosecond != 0) text += "." + d.Nanosecond.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        if (d.ZoneOffset == 0) return text + "Z";
        var off = Math.Abs(d.ZoneOffset);
        return text + (d.ZoneOffset < 0 ? "-" : "+") + $"{off / 3600:D2}:{off % 3600 / 60:D2}";
    }
}
