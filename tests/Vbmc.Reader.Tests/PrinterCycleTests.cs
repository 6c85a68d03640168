using System.Numerics;
using System.Text;
using Vbmc.Data;
using Vbmc.Printing;
using Vbmc.TestSupport;

namespace Vbmc.Reader.Tests;

/// <summary>
/// Circular data prints with Guile's <c>#N#</c> back-references instead of looping forever;
/// acyclic data (also when it shares substructure) prints as before.
/// </summary>
public class PrinterCycleTests
{
    private static Pair List(params object[] items)
    {
        object list = Nil.Instance;
        for (var i = items.Length - 1; i >= 0; i--) list = new Pair(items[i], list);
        return (Pair)list;
    }

    private static BigInteger N(int n) => n;

    private static Pair Cdr(Pair p, int times = 1)
    {
        for (var i = 0; i < times; i++) p = (Pair)p.Cdr;
        return p;
    }

    [Fact]
    public void Cdr_cycle_back_to_the_head()
    {
        var x = List(N(1), N(2));
        Cdr(x).Cdr = x;
        Printer.Write(x).Should().Be("(1 2 . #-1#)");
    }

    [Fact]
    public void Cdr_cycle_into_the_middle()
    {
        var x = List(N(1), N(2), N(3));
        Cdr(x, 2).Cdr = Cdr(x);
        Printer.Write(x).Should().Be("(1 2 3 . #-1#)");
    }

    [Fact]
    public void Cdr_cycle_onto_itself()
    {
        var x = List(N(1), N(2), N(3));
        Cdr(x, 2).Cdr = Cdr(x, 2);
        Printer.Write(x).Should().Be("(1 2 3 . #1#)");
        var one = List(N(1));
        one.Cdr = one;
        Printer.Write(one).Should().Be("(1 . #0#)");
    }

    [Fact]
    public void Car_cycles_in_lists_and_vectors()
    {
        var y = List(N(1), N(2));
        y.Car = y;
        Printer.Write(y).Should().Be("(#0# 2)");
        Printer.Display(y).Should().Be("(#0# 2)");
        var v = new object[] { N(1), N(2) };
        v[0] = v;
        Printer.Write(v).Should().Be("#(#0# 2)");
    }

    [Fact]
    public void Cycle_through_an_enclosing_list()
    {
        var y = List(N(1), N(2));
        var z = List(y, N(5));
        Cdr(y).Cdr = z;
        Printer.Write(z).Should().Be("((1 2 . #-2#) 5)");

        var w = List(N(1), N(2));
        var u = List(N(9), w);
        Cdr(w).Cdr = u;
        Printer.Write(List(N(0), u)).Should().Be("(0 (9 (1 2 . #-3#)))");

        var a = List(N(1), N(2));
        var b = List(a);
        Cdr(a).Car = b;
        Printer.Write(b).Should().Be("((1 #-2#))");
    }

    [Fact]
    public void Shared_acyclic_structure_prints_in_full()
    {
        var a = List(N(1), N(2));
        var v = new object[] { a, a };
        Printer.Write(List(a, a, v)).Should().Be("((1 2) (1 2) #((1 2) (1 2)))");
    }

    /// <summary>A runtime value printed through the element callback, like a record.</summary>
    private sealed class Box(object content) : ISchemeWritable
    {
        public object Content { get; set; } = content;

        public void WriteTo(StringBuilder output, bool write, Action<object> printElement)
        {
            output.Append("#<box ");
            printElement(Content);
            output.Append('>');
        }
    }

    [Fact]
    public void Writable_values_that_contain_themselves_terminate()
    {
        var box = new Box(N(0));
        box.Content = box;
        Printer.Write(box).Should().Be("#<box #0#>");
        var l = List(N(1), N(2));
        l.Car = new Box(l);
        Printer.Write(l).Should().Be("(#<box #-1#> 2)");
    }

    [Fact]
    public void Long_circular_list_terminates()
    {
        var items = new object[100_000];
        for (var i = 0; i < items.Length; i++) items[i] = N(i % 10);
        var x = List(items);
        Cdr(x, items.Length - 1).Cdr = x;
        Printer.Write(x).Should().EndWith(" 9 . #-99999#)");
    }

    /// <summary>
    /// A random graph of pairs and vectors (slots hold other nodes, small integers or '()),
    /// built the same way in Guile and here; the root is node 0.
    /// </summary>
    private sealed record Graph(bool[] IsVector, object[][] Slots)
    {
        public static Graph Random(Random random)
        {
            var count = random.Next(1, 6);
            var isVector = new bool[count];
            var slots = new object[count][];
            for (var i = 0; i < count; i++)
            {
                isVector[i] = random.Next(4) == 0;
                slots[i] = new object[isVector[i] ? random.Next(0, 4) : 2];
                for (var j = 0; j < slots[i].Length; j++)
                {
                    var roll = random.Next(10);
                    slots[i][j] = roll < 5 ? (object)random.Next(count) // a node reference
                        : roll < 7 && !isVector[i] && j == 1 ? "()" : $"{10 * i + j}";
                }
            }
            return new Graph(isVector, slots);
        }

        public string Scheme()
        {
            var sb = new StringBuilder("(let (");
            for (var i = 0; i < IsVector.Length; i++)
                sb.Append($"(n{i} {(IsVector[i] ? $"(make-vector {Slots[i].Length} 0)" : "(cons 0 0)")})");
            sb.Append(')');
            for (var i = 0; i < IsVector.Length; i++)
            {
                for (var j = 0; j < Slots[i].Length; j++)
                {
                    var value = Slots[i][j] is int n ? $"n{n}" : $"'{Slots[i][j]}";
                    sb.Append(IsVector[i] ? $" (vector-set! n{i} {j} {value})" : $" (set-{(j == 0 ? "car" : "cdr")}! n{i} {value})");
                }
            }
            sb.Append(" (write n0) (newline))");
            return sb.ToString();
        }

        public object Build()
        {
            var nodes = new object[IsVector.Length];
            for (var i = 0; i < nodes.Length; i++)
                nodes[i] = IsVector[i] ? new object[Slots[i].Length] : new Pair(N(0), N(0));
            for (var i = 0; i < nodes.Length; i++)
            {
                for (var j = 0; j < Slots[i].Length; j++)
                {
                    object value = Slots[i][j] switch
                    {
                        int n => nodes[n],
                        "()" => Nil.Instance,
                        string s => BigInteger.Parse(s),
                        _ => throw new InvalidOperationException(),
                    };
                    if (nodes[i] is object[] v) v[j] = value;
                    else if (j == 0) ((Pair)nodes[i]).Car = value;
                    else ((Pair)nodes[i]).Cdr = value;
                }
            }
            return nodes[0];
        }
    }

    [Fact]
    public void Random_circular_graphs_print_as_guile_does()
    {
        var random = new Random(20240611);
        var graphs = Enumerable.Range(0, 400).Select(_ => Graph.Random(random)).ToList();
        var program = string.Join("\n", graphs.Select(g => g.Scheme()));
        var result = Guile.Run(program);
        result.ExitCode.Should().Be(0, result.Stderr);
        var expected = result.Stdout.Split('\n');
        var mismatches = new List<string>();
        for (var i = 0; i < graphs.Count; i++)
        {
            var actual = Printer.Write(graphs[i].Build());
            if (actual != expected[i]) mismatches.Add($"{graphs[i].Scheme()}\n  guile: {expected[i]}\n  vbmc:  {actual}");
        }
        mismatches.Should().BeEmpty();
        expected.Count(line => line.Contains('#') && !line.StartsWith("#(")).Should().BeGreaterThan(50, "the batch must exercise cycles");
    }
}
