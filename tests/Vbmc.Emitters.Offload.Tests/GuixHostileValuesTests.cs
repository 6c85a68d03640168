using System.Text;
using Vbmc.Emitters.Scheme;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// Strings with quotes, backslashes, line breaks, '$', '%', comment and list syntax, control
/// characters and non-ASCII text come back from Guix 1.5.0's reader and build-machine records
/// exactly as the configuration wrote them.
/// </summary>
[Collection(GuixOffloadOracleCollection.Name)]
public sealed class GuixHostileValuesTests(GuixOffloadOracle guix)
{
    private const string HostKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHxTuOrbRjJgSydTgLs5Rr1SvJivEgLNrElKlModuw3o";

    /// <summary>Every ASCII character, controls included, and text from other planes.</summary>
    private static string EveryKindOfCharacter()
    {
        var text = new StringBuilder();
        for (var c = 1; c < 0x80; c++) text.Append((char)c);
        text.Append("\u0080\u009f\u00a0é ß Ω 中文 \u200b\u2028\ufeff\uffff 😀 \U0010FFFD");
        return text.ToString();
    }

    [Fact]
    public void Strings_written_in_a_configuration_round_trip_through_guix()
    {
        var plan = LoweredPlans.FromText($$"""
            (use-modules (guix scripts offload))
            (list (build-machine
                   (name "host \"quoted\" back\\slash\nnew line $HOME %s ${x} `cmd` é 中文 😀")
                   (port 2222)
                   (systems '("x86_64-linux" "i686-linux"))
                   (user "us er'\"$USER%")
                   (private-key "/keys/a key;#(\"k\")\\\t.pem")
                   (host-key "{{HostKey}} comment \"with\" \\ $ % é")
                   (compression "zlib\n")
                   (compression-level 9)
                   (daemon-socket "/var/guix/dae mon\\socket$")
                   (overload-threshold #f)
                   (parallel-builds 3)
                   (speed 0.5)
                   (features '("kvm" "a b" "quote\"d" "semi;colon" "#hash"))))
            """);

        var machine = plan.BuildMachines.Single();
        machine.Name.Should().Contain("\"quoted\"").And.Contain("\n").And.Contain("\\").And.Contain("😀");
        var result = guix.Load(GuixMachinesEmitter.Render(plan), [new HostState()]).Single().Single();

        MachineFields.Read(result).Should().Be(MachineFields.Of(machine, machine.HostKey!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_character_round_trips_under_a_utf8_and_the_c_locale(bool cLocale)
    {
        var hostile = EveryKindOfCharacter();
        var plan = new CompilePlan("hostile.scm", new string('a', 64), [],
        [
            new BuildMachinePlan
            {
                Name = hostile,
                Port = 22,
                Systems = [hostile, "x86_64-linux"],
                User = "u" + hostile,
                PrivateKey = "/k/" + hostile,
                HostKey = HostKey + " " + hostile,
                Compression = hostile,
                DaemonSocket = hostile,
                Features = [hostile, ""],
            },
        ]);

        var text = GuixMachinesEmitter.Render(plan);
        var result = guix.Load(text, [new HostState()], cLocale).Single().Single();

        text.Should().MatchRegex("^[\\n\\x20-\\x7e]*$", "non-ASCII and control characters are escaped");
        var machine = plan.BuildMachines[0];
        MachineFields.Read(result).Should().Be(MachineFields.Of(machine, machine.HostKey!));
    }

    [Fact]
    public void Numbers_keep_their_value_and_exactness()
    {
        var speeds = new[] { 1.0, 0.5, 2.0, 0.1, 1e-7, 1e300, 0.0, 123456.789, double.PositiveInfinity };
        var plan = new CompilePlan("numbers.scm", new string('b', 64), [],
            [.. speeds.Select((speed, i) => new BuildMachinePlan
            {
                Name = $"m{i}",
                Port = 65535,
                Systems = ["x86_64-linux"],
                User = "offload",
                PrivateKey = "/k",
                HostKey = HostKey,
                Speed = speed,
                OverloadThreshold = i % 2 == 0 ? null : speed,
                CompressionLevel = 1 + i % 9,
                ParallelBuilds = int.MaxValue - i,
            })]);

        var results = guix.Load(GuixMachinesEmitter.Render(plan), [new HostState()]).Single();

        results.Select(MachineFields.Read).Should().Equal(plan.BuildMachines.Select(m => MachineFields.Of(m, HostKey)));
    }

    [Fact]
    public void The_writer_lays_out_records_one_field_a_line()
    {
        var text = SchemeWriter.Write(SchemeValue.Block("build-machine",
        [
            SchemeValue.Form("name", SchemeValue.Of("a")),
            SchemeValue.Form("systems", SchemeValue.StringList(["x86_64-linux", "i686-linux"])),
        ]), column: 1);

        text.Should().Be("(build-machine\n  (name \"a\")\n  (systems (list \"x86_64-linux\" \"i686-linux\")))");
    }

    [Fact]
    public void Strings_are_ascii_with_escapes_that_read_the_same_under_every_reader_option()
    {
        SchemeWriter.String("a\"b\\c\nd\te\rf").Should().Be("\"a\\\"b\\\\c\\nd\\te\\rf\"");
        SchemeWriter.String("\x01\x1b\x7f").Should().Be("\"\\u0001\\u001b\\u007f\"", "never \\x01, an error under r6rs-hex-escapes");
        SchemeWriter.String("é中😀").Should().Be("\"\\u00e9\\u4e2d\\U01f600\"");
    }

    [Theory]
    [InlineData("build-machine", "build-machine")]
    [InlineData("", "#{}#")]
    [InlineData("1abc", "#{1abc}#")]
    [InlineData("(x)", "#{\\x28;x\\x29;}#")]
    [InlineData("a b", "#{a\\x20;b}#")]
    [InlineData("\"q\"", "#{\\x22;q\\x22;}#")]
    [InlineData("é", "#{\\xe9;}#")]
    public void A_symbol_that_is_not_a_plain_name_is_written_in_extended_syntax(string name, string written)
    {
        // Guile reads each back as the same symbol: Vbmc.Emitters.Units.Tests (ShepherdTests) checks it with guile-3.0.
        SchemeWriter.Write(SchemeValue.Form("list", SchemeValue.Symbol(name))).Should().Be($"(list {written})");
    }
}
