using Vbmc.Image.Base;

namespace Vbmc.Image.Tests;

public sealed class AptSourcesTests : IDisposable
{
    private readonly string _apt = Directory.CreateTempSubdirectory("vbmc-apt-").FullName;

    public void Dispose() => Directory.Delete(_apt, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_apt, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Deb822_sources_give_the_first_enabled_binary_source_of_the_suite()
    {
        Write("sources.list.d/debian.sources", """
            # comment
            Types: deb-src
            URIs: http://src.example/debian
            Suites: bookworm
            Components: main

            Types: deb
            URIs: http://disabled.example/debian
            Suites: bookworm
            Enabled: no

            Types: deb
            URIs: http://security.example/debian-security
            Suites: bookworm-security
            Components: main

            Types: deb
            URIs: http://mirror.example/debian
            Suites: bookworm
             bookworm-updates
            Components: main
            """);
        AptSources.DefaultMirror("bookworm", _apt).Should().Be("http://mirror.example/debian");
    }

    [Fact]
    public void One_line_sources_with_options_are_read_and_other_extensions_ignored()
    {
        Write("sources.list", "# deb http://commented.example/debian bookworm main\ndeb [arch=amd64 signed-by=/k.gpg] http://one.example/debian bookworm main\n");
        Write("sources.list.d/other.list.disabled", "deb http://ignored.example/debian bookworm main\n");
        AptSources.DefaultMirror("bookworm", _apt).Should().Be("http://one.example/debian");
    }

    [Fact]
    public void Another_suite_takes_the_first_Debian_archive_and_no_configuration_takes_deb_debian_org()
    {
        Write("sources.list.d/a.list", "deb https://packages.vendor.example/apt stable main\ndeb http://local.example/debian trixie main\n");
        AptSources.DefaultMirror("bookworm", _apt).Should().Be("http://local.example/debian");
        AptSources.DefaultMirror("bookworm", Path.Combine(_apt, "missing")).Should().Be(AptSources.FallbackMirror);
    }

    [Fact]
    public void The_hosts_own_apt_configuration_gives_a_mirror_url()
    {
        AptSources.DefaultMirror("bookworm").Should().MatchRegex("^(https?|file):/");
    }
}
