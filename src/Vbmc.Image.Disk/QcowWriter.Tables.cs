using System.Buffers.Binary;

namespace Vbmc.Image.Disk;

/// <summary>
/// The qcow2 metadata after the data: the L2 and L1 tables, the refcount blocks and table, and
/// the header; and the buffered, in-order appending that places every byte of the image.
/// </summary>
internal sealed partial class QcowWriter
{
    /// <summary>The L2 tables, the L1 table, the refcounts and the header, after the data.</summary>
    private void WriteTables()
    {
        Append(new byte[AlignUp(Cursor) - Cursor]);
        var l2Offsets = new Dictionary<long, long>();
        foreach (var (index, table) in _l2Tables) l2Offsets[index] = AppendTable(table);

        var virtualClusters = (_virtualBytes + ClusterSize - 1) >> ClusterBits;
        var l1Size = (int)((virtualClusters + EntriesPerTable - 1) / EntriesPerTable);
        var l1Offset = AppendTable(Enumerable.Range(0, l1Size)
            .Select(index => l2Offsets.TryGetValue(index, out var l2) ? Copied | (ulong)l2 : 0UL));

        // The refcount blocks and table count themselves too: grow them until they cover every cluster.
        var before = Cursor >> ClusterBits;
        long blocks = 0, tableClusters = 0;
        while (true)
        {
            var total = before + blocks + tableClusters;
            var neededBlocks = (total + RefcountsPerBlock - 1) / RefcountsPerBlock;
            var neededTable = (neededBlocks * sizeof(ulong) + ClusterSize - 1) / ClusterSize;
            if (neededBlocks == blocks && neededTable == tableClusters) break;
            (blocks, tableClusters) = (neededBlocks, neededTable);
        }
        var blocksOffset = Cursor;
        for (var cluster = before; cluster < before + blocks + tableClusters; cluster++) Reference(cluster);
        // Every cluster is referenced now: the blocks hold the final counts.
        var block = new byte[ClusterSize];
        for (var b = 0; b < blocks; b++)
        {
            Array.Clear(block);
            for (var i = 0; i < RefcountsPerBlock && b * RefcountsPerBlock + i < _refcounts.Count; i++)
                BinaryPrimitives.WriteUInt16BigEndian(block.AsSpan(i * 2), _refcounts[b * RefcountsPerBlock + i]);
            Append(block);
        }
        var tableOffset = AppendTable(Enumerable.Range(0, (int)blocks).Select(b => (ulong)(blocksOffset + (long)b * ClusterSize)), counted: true);
        Flush();

        RandomAccess.Write(_output, Header(l1Size, l1Offset, tableOffset, (int)tableClusters), 0);
    }

    /// <summary>
    /// Appends big-endian 64-bit entries on whole clusters and references those clusters, unless
    /// they are <paramref name="counted"/> already; returns where they start.
    /// </summary>
    private long AppendTable(IEnumerable<ulong> entries, bool counted = false)
    {
        var offset = Cursor;
        var bytes = new List<byte>();
        Span<byte> entry = stackalloc byte[sizeof(ulong)];
        foreach (var value in entries)
        {
            BinaryPrimitives.WriteUInt64BigEndian(entry, value);
            bytes.AddRange(entry);
        }
        var table = new byte[Math.Max(1, (bytes.Count + ClusterSize - 1) / ClusterSize) * ClusterSize];
        bytes.CopyTo(table);
        Append(table);
        if (!counted)
            for (var cluster = offset >> ClusterBits; cluster < Cursor >> ClusterBits; cluster++) Reference(cluster);
        return offset;
    }

    private byte[] Header(int l1Size, long l1Offset, long refcountTableOffset, int refcountTableClusters)
    {
        var header = new byte[ClusterSize]; // after the header, the end of extensions: 8 zero bytes
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span[0..], 0x514649FB); // "QFI\xfb"
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(span[20..], ClusterBits);
        BinaryPrimitives.WriteUInt64BigEndian(span[24..], (ulong)_virtualBytes);
        BinaryPrimitives.WriteUInt32BigEndian(span[36..], (uint)l1Size);
        BinaryPrimitives.WriteUInt64BigEndian(span[40..], (ulong)l1Offset);
        BinaryPrimitives.WriteUInt64BigEndian(span[48..], (ulong)refcountTableOffset);
        BinaryPrimitives.WriteUInt32BigEndian(span[56..], (uint)refcountTableClusters);
        BinaryPrimitives.WriteUInt64BigEndian(span[72..], _zstdLevel is null ? 0 : CompressionTypeBit);
        BinaryPrimitives.WriteUInt32BigEndian(span[96..], 4); // refcount_order: 16-bit refcounts
        BinaryPrimitives.WriteUInt32BigEndian(span[100..], HeaderLength);
        span[104] = (byte)(_zstdLevel is null ? 0 : 1); // compression type: 0 zlib (unused), 1 zstd
        return header;
    }

    private void Reference(long cluster)
    {
        while (_refcounts.Count <= cluster) _refcounts.Add(0);
        if (_refcounts[(int)cluster] == ushort.MaxValue)
            throw new IOException("a qcow2 cluster would be referenced more than 65535 times");
        _refcounts[(int)cluster]++;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_pendingLength == _pending.Length) Flush();
            var part = Math.Min(data.Length, _pending.Length - _pendingLength);
            data[..part].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += part;
            data = data[part..];
        }
    }

    private void Flush()
    {
        RandomAccess.Write(_output, _pending.AsSpan(0, _pendingLength), _pendingStart);
        _pendingStart += _pendingLength;
        _pendingLength = 0;
    }

    private static long AlignUp(long offset) => (offset + ClusterSize - 1) & ~(long)(ClusterSize - 1);
}
