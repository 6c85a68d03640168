namespace Vbmc.Host.Probe.Tests;

public sealed class FactChecksTests
{
    private static readonly DateTimeOffset Configured = new(2014, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HostNow = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static RemoteFacts Facts(DateTimeOffset remote, double uptime = 300) =>
        new() { Answered = true, Now = remote.ToUnixTimeSeconds(), UptimeSeconds = uptime, Load1 = 0.5, Cores = 2 };

    [Fact]
    public void A_vm_in_the_past_at_its_date_plus_uptime_passes()
    {
        var check = FactChecks.Clock(Facts(Configured.AddSeconds(310)), Configured, HostNow);

        check.Status.Should().Be(CheckStatus.Pass);
        check.Detail.Should().Contain("2014-06-01T00:05:10Z").And.Contain("offset +10 s").And.Contain("expected");
    }

    [Fact]
    public void A_vm_whose_clock_followed_the_host_fails()
    {
        var check = FactChecks.Clock(Facts(HostNow), Configured, HostNow);

        check.Status.Should().Be(CheckStatus.Fail);
        check.Detail.Should().Contain("does not keep its configured date").And.Contain("+12 years");
    }

    [Fact]
    public void A_vm_a_few_hours_off_is_within_the_tolerance()
    {
        FactChecks.Clock(Facts(Configured.AddHours(5)), Configured, HostNow).Status.Should().Be(CheckStatus.Pass);
        FactChecks.Clock(Facts(Configured.AddDays(-2)), Configured, HostNow).Status.Should().Be(CheckStatus.Fail);
    }

    [Fact]
    public void Another_machine_is_compared_with_this_host_and_a_skew_only_warns()
    {
        FactChecks.Clock(Facts(HostNow.AddSeconds(20)), null, HostNow).Status.Should().Be(CheckStatus.Pass);
        var skewed = FactChecks.Clock(Facts(HostNow.AddMinutes(-10)), null, HostNow);
        skewed.Status.Should().Be(CheckStatus.Warn);
        skewed.Detail.Should().Contain("-10 min");
    }

    [Fact]
    public void A_missing_clock_fails()
    {
        FactChecks.Clock(new RemoteFacts { Answered = true }, null, HostNow).Status.Should().Be(CheckStatus.Fail);
    }

    [Fact]
    public void Load_is_per_core_against_the_overload_threshold_and_never_fails()
    {
        var facts = new RemoteFacts { Load1 = 3.0, Cores = 4 };

        FactChecks.Load(facts, 0.8, 2).Status.Should().Be(CheckStatus.Pass);
        var over = FactChecks.Load(facts, 0.5, 2);
        over.Status.Should().Be(CheckStatus.Warn);
        over.Detail.Should().Contain("0.75 per core").And.Contain("overload-threshold 0.5");
        FactChecks.Load(facts with { Load1 = 100 }, null, 2).Status.Should().Be(CheckStatus.Pass);
        FactChecks.Load(new RemoteFacts(), 0.8, 1).Status.Should().Be(CheckStatus.Warn);
    }

    [Fact]
    public void Disk_fails_below_guix_offloads_minimum_and_warns_below_a_gibibyte()
    {
        static RemoteFacts With(long free) => new() { Disks = [new DiskSpace("/gnu/store", free, 10L << 30), new DiskSpace("/tmp", 5L << 30, 10L << 30)] };

        FactChecks.Disk(With(50L << 20)).Status.Should().Be(CheckStatus.Fail);
        FactChecks.Disk(With(50L << 20)).Detail.Should().Contain("/gnu/store has less than 100 MiB");
        FactChecks.Disk(With(500L << 20)).Status.Should().Be(CheckStatus.Warn);
        FactChecks.Disk(With(2L << 30)).Status.Should().Be(CheckStatus.Pass);
        FactChecks.Disk(new RemoteFacts()).Status.Should().Be(CheckStatus.Warn);
    }
}
