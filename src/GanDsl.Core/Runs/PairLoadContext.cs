using System.Reflection;
using System.Runtime.Loader;

namespace GanDsl.Runs;

/// <summary>
/// The load context a user's assembly runs in: its dependencies come from its own folder (as its <c>.deps.json</c> lists
/// them), except GanDsl's own assemblies, which come from the host whenever the host has them, so that <c>IGan</c>,
/// <c>Tensor</c> and the rest are the same types on both sides. Collectible, so it could be unloaded.
/// </summary>
internal sealed class PairLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext("GanDsl pairs of " + Path.GetFileName(mainAssemblyPath), isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName name)
    {
        if (IsShared(name) && FromHost(name) is { } shared) return shared;
        return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null; // null: the framework's
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    /// <summary>GanDsl's libraries (GanDsl.Core, GanDsl.Images, …): one copy per process.</summary>
    private static bool IsShared(AssemblyName name) => name.Name is { } n && n.StartsWith("GanDsl.", StringComparison.Ordinal);

    private static Assembly? FromHost(AssemblyName name)
    {
        try
        {
            return Default.LoadFromAssemblyName(new AssemblyName(name.Name!));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException)
        {
            return null; // the host has no copy: the user's folder provides it
        }
    }
}
