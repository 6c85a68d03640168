using Vbmc.Diagnostics;
using Vbmc.Image.Base;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// The default Debian base, made for real with mmdebstrap from the host's mirror (the only tests
/// that use the network) into vbmc's usual cache, so that every test and later runs share it.
/// </summary>
internal static class CachedDebianBase
{
    private static readonly Lazy<string> ArchiveLazy = new(() =>
    {
        HostTools.Require("mmdebstrap", "mmdebstrap");
        var diagnostics = new DiagnosticBag();
        var progress = new StringWriter();
        var recipe = DebianBaseRecipe.For(DebianImageBase.Default);
        var archive = BaseRootCache.Ensure(recipe, ImageBuildSettings.DefaultCacheDirectory,
            new ImageProgress(new ImageBuildSettings { Progress = progress }, "test"), diagnostics, SourceSpan.FileOnly("test.scm"));
        return archive ?? throw new InvalidOperationException(
            "the Debian base could not be made:\n" + string.Join("\n", diagnostics.Items) + "\n" + progress);
    });

    /// <summary>The cached tar archive of the default Debian base.</summary>
    public static string Archive => ArchiveLazy.Value;
}
