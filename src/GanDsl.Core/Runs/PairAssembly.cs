using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using GanDsl.Nn;

namespace GanDsl.Runs;

/// <summary>
/// The GAN pairs declared in a built assembly (a user's <c>MyApp.dll</c>): every public class that implements
/// <see cref="IGan"/> and has a public constructor taking a seed (<c>ulong</c>) or none, as each <c>[Gan&lt;G, D&gt;]</c> class
/// does. The assembly is loaded in a load context of its own that finds its dependencies in its folder and shares GanDsl's
/// assemblies with this process; each file is loaded once per process.
/// </summary>
public sealed class PairAssembly
{
    private static readonly ConcurrentDictionary<string, Lazy<PairAssembly>> Loaded = new(StringComparer.Ordinal);

    private PairAssembly(string path, Assembly assembly, IReadOnlyList<Type> pairs) => (Path, Assembly, Pairs) = (path, assembly, pairs);

    /// <summary>The assembly's full path.</summary>
    public string Path { get; }

    /// <summary>The loaded assembly, in its own load context.</summary>
    public Assembly Assembly { get; }

    /// <summary>The pair classes, ordered by full name.</summary>
    public IReadOnlyList<Type> Pairs { get; }

    /// <summary>
    /// Loads <paramref name="path"/> (the <c>.dll</c> a project builds, e.g. <c>bin/Release/net10.0/MyApp.dll</c>); a missing
    /// file, a file that is not a .NET assembly or one that cannot be loaded is a <see cref="PairAssemblyException"/>.
    /// </summary>
    public static PairAssembly Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new PairAssemblyException($"{path} does not exist; pass the .dll your project builds, e.g. bin/Release/net10.0/MyApp.dll (dotnet build -c Release makes it).");
        try
        {
            return Loaded.GetOrAdd(full, f => new Lazy<PairAssembly>(() => Read(f))).Value;
        }
        catch (PairAssemblyException)
        {
            Loaded.TryRemove(full, out _); // a later call (after a rebuild) tries again
            throw;
        }
    }

    /// <summary>
    /// The pair called <paramref name="name"/>: its class name (any case) or its full name. An unknown name is a
    /// <see cref="PairAssemblyException"/> listing the pairs the assembly declares.
    /// </summary>
    public Type Find(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var exact = Pairs.FirstOrDefault(t => t.FullName == name);
        if (exact is not null) return exact;
        var matches = Pairs.Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        string file = System.IO.Path.GetFileName(Path);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new PairAssemblyException($"'{name}' is not a GAN pair in {file}; it declares {string.Join(", ", Pairs.Select(t => t.Name))}."),
            _ => throw new PairAssemblyException($"'{name}' names {matches.Count} pairs in {file} ({string.Join(", ", matches.Select(t => t.FullName))}); pass the full name."),
        };
    }

    /// <summary>Whether <paramref name="type"/> is a pair this class can make: public, concrete, an <see cref="IGan"/>, constructible from a seed or from nothing.</summary>
    public static bool IsPair(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.IsVisible && type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters
            && typeof(IGan).IsAssignableFrom(type) && Constructor(type) is not null;
    }

    /// <summary>A new pair of <paramref name="pairType"/> initialised from <paramref name="seed"/> (its parameterless constructor ignores the seed).</summary>
    public static IGan Create(Type pairType, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(pairType);
        var constructor = IsPair(pairType) ? Constructor(pairType)! : throw new ArgumentException(
            $"{pairType.FullName} is not a GAN pair GanDsl can create: it needs to be a public class implementing IGan with a public constructor taking a ulong seed (as [Gan<G, D>] classes have).", nameof(pairType));
        try
        {
            return (IGan)constructor.Invoke(constructor.GetParameters().Length == 1 ? [seed] : []);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static ConstructorInfo? Constructor(Type type) =>
        type.GetConstructor([typeof(ulong)]) ?? type.GetConstructor(Type.EmptyTypes);

    private static PairAssembly Read(string path)
    {
        string file = System.IO.Path.GetFileName(path);
        Assembly assembly;
        try
        {
            // The host's own copy when it already runs this file (an app opening its own runs), else a context of its own.
            assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => !a.IsDynamic && a.Location == path)
                ?? new PairLoadContext(path).LoadFromAssemblyPath(path);
        }
        catch (BadImageFormatException e)
        {
            throw new PairAssemblyException($"{path} is not a .NET assembly; pass the .dll your project builds (bin/Release/net10.0/{System.IO.Path.GetFileNameWithoutExtension(path)}.dll), not a native library or launcher.", e);
        }
        catch (FileLoadException e)
        {
            throw new PairAssemblyException($"{path} could not be loaded ({e.Message.TrimEnd('.')}); build the project again and pass the .dll from its output folder.", e);
        }
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or ReflectionTypeLoadException)
        {
            var why = (e as ReflectionTypeLoadException)?.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            throw new PairAssemblyException($"The types of {file} could not be loaded ({why.TrimEnd('.')}); pass the .dll from the project's output folder, where its dependencies are.", e);
        }
        var pairs = types.Where(IsPair).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        if (pairs.Count == 0)
            throw new PairAssemblyException($"{file} declares no GAN pair (a public class implementing IGan with a constructor taking a seed); declare one with [Gan<MyGenerator, MyDiscriminator>] on a public partial class and build again.");
        return new PairAssembly(path, assembly, pairs);
    }
}
