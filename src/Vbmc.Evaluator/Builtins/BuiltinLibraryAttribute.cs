namespace Vbmc.Evaluation;

/// <summary>
/// Marks a static class that contributes builtins through
/// <c>public static void Register(BuiltinTable table)</c>, which must also be listed in
/// <see cref="BuiltinLibraries.All"/> (the product uses no reflection: it runs as Native AOT). The
/// marker lets a test check that the list misses none.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class BuiltinLibraryAttribute : Attribute;
