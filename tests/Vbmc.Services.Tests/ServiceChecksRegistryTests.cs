namespace Vbmc.Services.Tests;

/// <summary>The check passes are listed by hand (no reflection in the product): the list must hold every one.</summary>
public class ServiceChecksRegistryTests
{
    [Fact]
    public void Every_check_pass_of_the_services_assembly_is_registered_once()
    {
        var passes = typeof(IServiceCheck).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IServiceCheck).IsAssignableFrom(t))
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        passes.Should().NotBeEmpty();
        ServiceChecks.Create().Select(c => c.GetType().FullName).Order(StringComparer.Ordinal).Should().Equal(passes);
    }
}
