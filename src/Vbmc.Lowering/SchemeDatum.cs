using System.Numerics;

namespace Vbmc.Lowering;

/// <summary>
/// Scheme data lowered from a gexp of the configuration (a Shepherd service's start and stop
/// code): plain values, which the Scheme emitter writes with its own quoting. Code the host
/// runs is data here: nothing of it is evaluated by vbmc.
/// </summary>
public abstract record SchemeDatum;

public sealed record DatumList(IReadOnlyList<SchemeDatum> Items) : SchemeDatum;

public sealed record DatumSymbol(string Name) : SchemeDatum;

public sealed record DatumKeyword(string Name) : SchemeDatum;

public sealed record DatumString(string Value) : SchemeDatum;

public sealed record DatumInteger(BigInteger Value) : SchemeDatum;

public sealed record DatumBoolean(bool Value) : SchemeDatum;
