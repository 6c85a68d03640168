using Vbmc.Evaluation;
using Vbmc.TestSupport;

namespace Vbmc.Host.Probe.Tests;

public sealed class SshValuesTests
{
    private static ProbeTarget Target(string host = "node.example.org", string user = "offload", string key = "/etc/guix/key") =>
        new() { Host = host, Port = 22, User = user, PrivateKeyFile = key };

    [Theory]
    [InlineData("-oProxyCommand=touch /tmp/pwned", "offload")]
    [InlineData("node.example.org", "-oProxyCommand=touch /tmp/pwned")]
    [InlineData("a host", "offload")]
    [InlineData("*.example.org", "offload")]
    [InlineData("node,other", "offload")]
    [InlineData("node", "off load")]
    [InlineData("node", "user\nname")]
    public void Host_and_user_names_that_ssh_would_read_as_something_else_are_refused(string host, string user)
    {
        SshValues.Problem(Target(host, user)).Should().NotBeNull();
    }

    [Theory]
    [InlineData("relative/key")]
    [InlineData("/keys/%h")]
    [InlineData("/keys/${HOME}")]
    [InlineData("/keys/a\nb")]
    public void Key_paths_ssh_would_expand_are_refused(string key)
    {
        SshValues.Problem(Target(key: key)).Should().Contain("private key");
    }

    [Fact]
    public void Ordinary_names_and_ip_literals_are_accepted()
    {
        SshValues.Problem(Target()).Should().BeNull();
        SshValues.Problem(Target("127.0.0.1", "build_user.1")).Should().BeNull();
        SshValues.Problem(Target("::1")).Should().BeNull();
        SshValues.Problem(Target(key: "/keys/with space/id_ed25519")).Should().BeNull();
    }

    [Fact]
    public void Daemon_sockets_with_a_colon_cannot_be_forwarded()
    {
        SshValues.SocketProblem("/var/guix/daemon-socket/socket").Should().BeNull();
        SshValues.SocketProblem("/run/a:b").Should().Contain("':'");
    }

    [Fact]
    public void Known_hosts_names_follow_ssh()
    {
        SshValues.KnownHostsName("LocalHost", 11022).Should().Be("[localhost]:11022");
        SshValues.KnownHostsName("node.example.org", 22).Should().Be("node.example.org");
        SshValues.KnownHostsName("::1", 2222).Should().Be("[::1]:2222");
    }

    [Fact]
    public void Fingerprints_are_those_ssh_keygen_prints()
    {
        using var folder = new TestFolder();
        var line = SshKeys.Generate(folder.File("k"), "a comment");
        var keygen = ProcessRunner.Run(HostTools.Require("ssh-keygen", "openssh-client"), ["-l", "-E", "sha256", "-f", folder.File("k.pub")]);

        OpenSshPublicKey.TryParse(line, out var key, out var problem).Should().BeTrue(problem);

        keygen.Stdout.Split(' ')[1].Should().Be(key!.Fingerprint);
    }

    [Theory]
    [InlineData("ssh-ed25519")]
    [InlineData("ssh-ed25519 !!notbase64")]
    [InlineData("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIItqsVDGMUTpvixIkITDv0O7XeUFFkuKKiUXlOK4mVzt")]
    [InlineData("$(id) AAAA")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIItqsVDGMUTpvixIkITDv0O7XeUF")] // truncated: 27 bytes of the 32
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----")]
    public void Unusable_pinned_keys_are_refused(string text)
    {
        OpenSshPublicKey.TryParse(text, out var key, out var problem).Should().BeFalse();
        key.Should().BeNull();
        problem.Should().NotBeNullOrEmpty();
    }
}
