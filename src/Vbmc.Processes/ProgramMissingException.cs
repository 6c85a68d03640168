namespace Vbmc.Processes;

/// <summary>A program to run is not installed: "NAME is not installed", with the package to install.</summary>
public sealed class ProgramMissingException(string program, string? debianPackage)
    : Exception($"{program} is not installed")
{
    public string Program { get; } = program;

    /// <summary>The Debian package that installs it, when known.</summary>
    public string? DebianPackage { get; } = debianPackage;

    /// <summary>"apt-get install PACKAGE", or advice to put the program on PATH when the package is unknown.</summary>
    public string Hint => DebianPackage is { } package ? $"apt-get install {package}" : $"install {Program} or add its folder to PATH";
}
