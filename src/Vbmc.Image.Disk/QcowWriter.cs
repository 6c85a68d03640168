using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace Vbmc.Image.Disk;

/// <summary>
/// Writes the qcow2 (version 3) image of a sparse raw disk, what <c>qemu-img convert -O qcow2
/// [-c -o compression_type=zstd]</c> did, in one pass over the raw disk's data only, compressing
/// clusters on every core at once (qemu-img compresses them one after the other when it writes in
/// order, and writing out of order, <c>-W</c>, makes a different file each time).
/// The layout is fixed by the raw disk alone, so the same raw disk gives the same bytes: the
/// header cluster; the data clusters in guest order, each compressed one packed right after the
/// one before (as qemu-img packs them) and each stored one on its own cluster; then the L2 tables,
/// the L1 table, the refcount blocks and the refcount table. All-zero clusters are not stored:
/// they read as zeros, as clusters no table points to do.
/// </summary>
internal sealed partial class QcowWriter
{
    private const int ClusterBits = 16;
    private const int ClusterSize = 1 << ClusterBits;
    private const int EntriesPerTable = ClusterSize / sizeof(ulong);
    private const int RefcountsPerBlock = ClusterSize / sizeof(ushort); // refcount_order 4: 16 bits
    private const ulong Copied = 1UL << 63; // "refcount is exactly one" (L1 and stored L2 entries)
    private const ulong CompressedCluster = 1UL << 62;
    private const int SectorCountShift = 62 - (ClusterBits - 8);
    private const int HeaderLength = 112; // version 3 fields and the compression type byte, padded to 8
    private const ulong CompressionTypeBit = 1UL << 3; // incompatible feature: compression type is not zlib
    // Clusters the workers together may be ahead of the writing thread (64 MiB, whatever the
    // number of cores, well under the heap's limit): deep, so that a worker seldom waits for the
    // writing thread to be woken up on a loaded machine (512 each on two cores).
    private const int QueuedClusters = 1024;

    private readonly SafeFileHandle _raw;
    private readonly SafeFileHandle _output;
    private readonly long _virtualBytes;
    private readonly int? _zstdLevel;
    private readonly SortedDictionary<long, ulong[]> _l2Tables = [];
    private readonly List<ushort> _refcounts = [];
    private readonly byte[] _pending = new byte[16 * ClusterSize]; // written 1 MiB at a time: stays in the caches
    private long _pendingStart = ClusterSize; // cluster 0 is the header's, written last
    private int _pendingLength;

    private QcowWriter(SafeFileHandle raw, SafeFileHandle output, long virtualBytes, int? zstdLevel)
    {
        _raw = raw;
        _output = output;
        _virtualBytes = virtualBytes;
        _zstdLevel = zstdLevel;
    }

    private long Cursor => _pendingStart + _pendingLength;

    /// <summary>
    /// Writes <paramref name="qcowPath"/> (a new file) from the first <paramref name="virtualBytes"/>
    /// of <paramref name="rawPath"/>. With <paramref name="zstdLevel"/>, each cluster that zstd
    /// makes smaller is stored compressed at that level; the others are stored as they are.
    /// Throws <see cref="IOException"/> when a file cannot be read or written.
    /// </summary>
    public static void Write(string rawPath, string qcowPath, long virtualBytes, int? zstdLevel)
    {
        using var raw = File.OpenHandle(rawPath, FileMode.Open, FileAccess.Read);
        using var output = File.OpenHandle(qcowPath, FileMode.CreateNew, FileAccess.Write);
        new QcowWriter(raw, output, virtualBytes, zstdLevel).Run();
    }

    /// <summary>
    /// Turns <paramref name="rawPath"/> into the same qcow2 image that <see cref="Write"/> makes
    /// without compression, without copying its data: a hole for the header is inserted at the
    /// start and the runs of unstored clusters are collapsed, so that each stored cluster lands
    /// where the writer would put it, then the tables are appended. False, with the file unchanged,
    /// when the file system cannot move ranges (the caller then copies with <see cref="Write"/>).
    /// </summary>
    public static bool TryConvertInPlace(string rawPath, long virtualBytes)
    {
        using var file = File.OpenHandle(rawPath, FileMode.Open, FileAccess.ReadWrite);
        return new QcowWriter(file, file, virtualBytes, zstdLevel: null).RunInPlace();
    }

    private bool RunInPlace()
    {
        var stored = new List<long>();
        var buffer = new byte[ClusterSize];
        foreach (var cluster in DataClusters())
        {
            ReadCluster(cluster, buffer);
            if (!IsZero(buffer)) stored.Add(cluster);
        }
        // The first change, and the probe: a file system that cannot move ranges refuses it.
        if (stored.Count == 0 || !FileRanges.TryInsert(_output, 0, ClusterSize)) return false;

        // Guest cluster c is at host cluster c + 1 now. Past the last stored one: cut (a collapse
        // must end before the end of the file); between stored runs: collapsed, last gap first so
        // that the offsets of the gaps before it stay as they are.
        RandomAccess.SetLength(_output, (stored[^1] + 2) << ClusterBits);
        for (var i = stored.Count - 1; i >= 0; i--)
        {
            var gapStart = i == 0 ? 0 : stored[i - 1] + 1;
            if (stored[i] > gapStart) FileRanges.Collapse(_output, (gapStart + 1) << ClusterBits, (stored[i] - gapStart) << ClusterBits);
        }

        Reference(0);
        for (var i = 0; i < stored.Count; i++)
        {
            var host = (long)(i + 1);
            Reference(host);
            L2Table(stored[i] / EntriesPerTable)[stored[i] % EntriesPerTable] = Copied | (ulong)(host << ClusterBits);
        }
        _pendingStart = (stored.Count + 1L) << ClusterBits;
        WriteTables();
        return true;
    }

    private void Run()
    {
        Reference(0); // the header
        var clusters = DataClusters().ToList();
        if (_zstdLevel is { } level)
        {
            StoreCompressed(clusters, level);
        }
        else
        {
            var buffer = new byte[ClusterSize];
            foreach (var cluster in clusters)
            {
                ReadCluster(cluster, buffer);
                if (!IsZero(buffer)) SetEntry(cluster, StoreCluster(buffer));
            }
        }
        WriteTables();
    }

    /// <summary>The guest clusters that hold any of the raw disk's data extents, in order.</summary>
    private IEnumerable<long> DataClusters()
    {
        var next = 0L;
        foreach (var (offset, length) in SparseExtents.Of(_raw, _virtualBytes))
        {
            var first = Math.Max(next, offset >> ClusterBits);
            var last = (offset + length - 1) >> ClusterBits;
            for (var cluster = first; cluster <= last; cluster++) yield return cluster;
            next = last + 1;
        }
    }

    /// <summary>
    /// One worker a core reads, checks and compresses every n-th cluster, ahead of this thread,
    /// which stores them in order. The workers never wait for one another, only for room in
    /// their own queue: a barrier after each batch would cost a wake-up each time, and a wake-up
    /// takes long on a loaded machine.
    /// </summary>
    private void StoreCompressed(List<long> clusters, int level)
    {
        var workers = Math.Max(1, Environment.ProcessorCount);
        var depth = Math.Max(4, QueuedClusters / workers);
        var queues = Enumerable.Range(0, workers).Select(_ => new BlockingCollection<Piece>(depth)).ToArray();
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, workers)
            .Select(worker => Task.Factory.StartNew(() => Compress(clusters, worker, workers, level, queues[worker], stop.Token),
                stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();

        Exception? failure = null;
        try
        {
            for (var i = 0; i < clusters.Count; i++)
            {
                if (!queues[i % workers].TryTake(out var piece, Timeout.Infinite)) break; // its worker failed: below
                if (piece.Length < 0) continue;
                SetEntry(clusters[i], piece.Length == 0 ? StoreCluster(piece.Data!) : StoreCompressed(piece.Data.AsSpan(0, piece.Length)));
                ArrayPool<byte>.Shared.Return(piece.Data!);
            }
        }
        catch (Exception e)
        {
            failure = e;
        }
        stop.Cancel();
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException e)
        {
            failure ??= e.InnerExceptions.FirstOrDefault(inner => inner is not OperationCanceledException) ?? e;
        }
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>A cluster as a worker hands it over: -1 all zeros (not stored), 0 stored as it is (Data), else the length of its zstd frame (Data).</summary>
    private readonly record struct Piece(int Length, byte[]? Data);

    private void Compress(List<long> clusters, int worker, int workers, int level, BlockingCollection<Piece> queue, CancellationToken stop)
    {
        try
        {
            using var context = new Zstd.Context();
            for (var i = worker; i < clusters.Count; i += workers)
            {
                var input = ArrayPool<byte>.Shared.Rent(ClusterSize);
                ReadCluster(clusters[i], input.AsSpan(0, ClusterSize));
                if (IsZero(input.AsSpan(0, ClusterSize)))
                {
                    ArrayPool<byte>.Shared.Return(input);
                    queue.Add(new Piece(-1, null), stop);
                    continue;
                }
                var frame = ArrayPool<byte>.Shared.Rent(ClusterSize);
                // One byte under a cluster, as QEMU: a frame that does not save a byte is not used.
                var length = context.Compress(input.AsSpan(0, ClusterSize), frame.AsSpan(0, ClusterSize - 1), level);
                ArrayPool<byte>.Shared.Return(length == 0 ? frame : input);
                queue.Add(new Piece(length, length == 0 ? input : frame), stop);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private void SetEntry(long cluster, ulong entry) => L2Table(cluster / EntriesPerTable)[cluster % EntriesPerTable] = entry;

    private void ReadCluster(long cluster, Span<byte> buffer)
    {
        var offset = cluster << ClusterBits;
        var done = 0;
        while (done < buffer.Length && offset + done < _virtualBytes)
        {
            var wanted = (int)Math.Min(buffer.Length - done, _virtualBytes - offset - done);
            var read = RandomAccess.Read(_raw, buffer.Slice(done, wanted), offset + done);
            if (read == 0) break; // the raw file ends: the rest reads as zeros
            done += read;
        }
        buffer[done..].Clear();
    }

    private static bool IsZero(ReadOnlySpan<byte> cluster) => cluster.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>A cluster stored as it is, on a host cluster of its own.</summary>
    private ulong StoreCluster(ReadOnlySpan<byte> data)
    {
        data = data[..ClusterSize];
        Append(new byte[AlignUp(Cursor) - Cursor]);
        var offset = Cursor;
        Append(data);
        Reference(offset >> ClusterBits);
        return Copied | (ulong)offset;
    }

    /// <summary>
    /// A compressed cluster at the next byte. Its descriptor counts the 512-byte sectors it spans,
    /// and every host cluster those sectors touch is referenced once more (what qemu-img check counts).
    /// </summary>
    private ulong StoreCompressed(ReadOnlySpan<byte> frame)
    {
        var offset = Cursor;
        Append(frame);
        var sectors = ((offset + frame.Length - 1) >> 9) - (offset >> 9) + 1;
        var end = ((offset >> 9) + sectors) << 9;
        for (var host = offset >> ClusterBits; host <= (end - 1) >> ClusterBits; host++) Reference(host);
        return CompressedCluster | ((ulong)(sectors - 1) << SectorCountShift) | (ulong)offset;
    }

    private ulong[] L2Table(long index)
    {
        if (!_l2Tables.TryGetValue(index, out var table)) _l2Tables[index] = table = new ulong[EntriesPerTable];
        return table;
    }
}
