namespace Vbmc.Image.Tests;

public sealed class ImageProgressTests
{
    private static (ImageProgress Progress, StringWriter Output) Make(bool terminal, bool quiet = false)
    {
        var output = new StringWriter();
        return (new ImageProgress(new ImageBuildSettings { Progress = output, ProgressIsTerminal = terminal, Quiet = quiet }, "vm1"), output);
    }

    private static void Run(ImageProgress progress)
    {
        progress.Step("Debian base: running mmdebstrap");
        progress.Detail("I: downloading packages with apt...");
        progress.Step("staging the guest's root folder");
        ((IProgress<string>)progress).Report("making ext4 file system");
        progress.Finish();
    }

    [Fact]
    public void Not_on_a_terminal_each_step_is_one_line_and_details_are_left_out()
    {
        var (progress, output) = Make(terminal: false);
        Run(progress);
        output.ToString().Should().Be("vbmc: vm1: Debian base: running mmdebstrap\nvbmc: vm1: staging the guest's root folder\n");
    }

    [Fact]
    public void On_a_terminal_each_step_has_one_line_redrawn_with_its_details()
    {
        var (progress, output) = Make(terminal: true);
        Run(progress);
        output.ToString().Split('\n').Should().Equal(
            "\r\x1b[Kvbmc: vm1: Debian base: running mmdebstrap\r\x1b[Kvbmc: vm1: Debian base: running mmdebstrap: I: downloading packages with apt...",
            "\r\x1b[Kvbmc: vm1: staging the guest's root folder\r\x1b[Kvbmc: vm1: staging the guest's root folder: making ext4 file system",
            "");
    }

    [Fact]
    public void Quiet_prints_nothing()
    {
        var (progress, output) = Make(terminal: true, quiet: true);
        Run(progress);
        output.ToString().Should().BeEmpty();
    }
}
