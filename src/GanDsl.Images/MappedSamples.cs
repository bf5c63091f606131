using System.IO.MemoryMappedFiles;

namespace GanDsl.Images;

/// <summary>
/// The samples region of a cache file, memory-mapped read-only: a batch reads its samples straight from the page cache,
/// so the dataset holds no copy of them and a folder larger than memory still trains (the OS pages samples in and out).
/// </summary>
internal sealed unsafe class MappedSamples : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly int _sampleSize;
    private byte* _first;

    public MappedSamples(FileStream stream, long offset, int count, int sampleSize)
    {
        _sampleSize = sampleSize;
        _file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        try
        {
            _view = _file.CreateViewAccessor(offset, (long)count * sampleSize, MemoryMappedFileAccess.Read);
            byte* pageStart = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pageStart);
            _first = pageStart + _view.PointerOffset; // the view starts at a page boundary at or before offset
        }
        catch
        {
            _view?.Dispose();
            _file.Dispose();
            throw;
        }
        Count = count;
    }

    public int Count { get; }

    /// <summary>The bytes of sample <paramref name="index"/>; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Sample(int index)
    {
        ObjectDisposedException.ThrowIf(_first is null, this);
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The dataset has {Count} samples.");
        return new ReadOnlySpan<byte>(_first + (long)index * _sampleSize, _sampleSize);
    }

    public void Dispose()
    {
        if (_first is null) return;
        _first = null;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
