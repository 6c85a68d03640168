namespace Vbmc.Evaluation;

/// <summary>
/// Every area of builtins, by its <c>Register</c> method. The list is written out rather than found
/// by searching the assembly for <see cref="BuiltinLibraryAttribute"/>: vbmc ships as a Native AOT
/// program, whose trimming drops what only reflection reaches (a trial printed "Unbound variable"
/// for every builtin). A test checks that the list holds every [BuiltinLibrary] class once, and
/// that no two areas define the same name, so the order here changes nothing.
/// </summary>
public static class BuiltinLibraries
{
    public static IReadOnlyList<Action<BuiltinTable>> All { get; } =
    [
        ControlBuiltins.Register,
        DateBuiltins.Register,
        FileLikeBuiltins.Register,
        HostBuiltins.Register,
        ListBuiltins.Register,
        NumberBuiltins.Register,
        OpenSshBuiltins.Register,
        PortBuiltins.Register,
        RecordFieldBuiltins.Register,
        Srfi1Builtins.Register,
        StringBuiltins.Register,
        SystemTypes.Register,
    ];
}
