using System.Reflection;
using Vbmc.Data;
using Vbmc.Evaluation;

namespace Vbmc.Evaluator.Tests;

/// <summary>
/// The areas of builtins are listed by hand (the product uses no reflection: it runs as Native
/// AOT). The test may search the assembly: the list must hold every [BuiltinLibrary] class once.
/// </summary>
public class BuiltinLibrariesTests
{
    [Fact]
    public void Every_builtin_library_class_is_listed_once()
    {
        var marked = typeof(BuiltinTable).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<BuiltinLibraryAttribute>() is not null)
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        marked.Should().NotBeEmpty();
        BuiltinLibraries.All.Select(register => register.Method.DeclaringType!.FullName)
            .Order(StringComparer.Ordinal).Should().Equal(marked);
    }

    [Fact]
    public void Every_listed_register_method_belongs_to_a_builtin_library_class()
    {
        foreach (var register in BuiltinLibraries.All)
        {
            register.Method.Name.Should().Be("Register");
            register.Method.DeclaringType!.GetCustomAttribute<BuiltinLibraryAttribute>().Should().NotBeNull(
                $"{register.Method.DeclaringType} is listed, so it must be marked [BuiltinLibrary]");
        }
    }

    [Fact]
    public void No_two_libraries_define_the_same_name_so_their_order_does_not_matter()
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (var register in BuiltinLibraries.All)
        {
            var table = new BuiltinTable();
            register(table);
            table.Values.Should().NotBeEmpty($"{register.Method.DeclaringType!.Name} defines builtins");
            foreach (var name in table.Values.Keys)
                if (!owner.TryAdd(name, register.Method.DeclaringType!.Name))
                    clashes.Add($"{name}: {owner[name]} and {register.Method.DeclaringType!.Name}");
        }
        clashes.Should().BeEmpty();
    }

    [Fact]
    public void The_core_module_binds_every_listed_builtin()
    {
        foreach (var register in BuiltinLibraries.All)
        {
            var table = new BuiltinTable();
            register(table);
            foreach (var name in table.Values.Keys)
                ModuleRegistry.Core.Table.Should().ContainKey(Symbol.Intern(name), $"'{name}' of {register.Method.DeclaringType!.Name} is in core");
        }
    }
}
