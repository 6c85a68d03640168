namespace Vbmc.Evaluation;

/// <summary>
/// Marks a static class that contributes builtins through
/// <c>public static void Register(BuiltinTable table)</c>. The evaluator finds every such class in
/// this assembly when it builds its core environment, so adding an area of builtins needs no
/// edit to a central list.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class BuiltinLibraryAttribute : Attribute;
