namespace Vbmc.Evaluation;

/// <summary>
/// <c>openssh-public-key?</c>: whether a value is a well-formed OpenSSH public key line (used as
/// the type of <c>build-machine</c>'s <c>host-key</c>). Non-strings are simply not keys.
/// </summary>
[BuiltinLibrary]
public static class OpenSshBuiltins
{
    public static void Register(BuiltinTable table)
    {
        table.Define("openssh-public-key?", 1, 1, args => args[0] is string s && OpenSshPublicKey.IsValid(s));
    }
}
