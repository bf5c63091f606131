using TorchSharp;
using static TorchSharp.torch;
using ManagedModule = GanDsl.Nn.Module;

namespace GanDsl.TorchSharp;

/// <summary>
/// Copies weights between a managed GanDsl module and a TorchSharp module whose <c>state_dict()</c> has the same names and
/// shapes (the modules <see cref="TorchNets"/> builds and the emitted <c>Torch</c> classes): every parameter and buffer,
/// <c>num_batches_tracked</c> as int64. A name or shape that does not match is refused before anything is copied.
/// </summary>
public static class TorchWeights
{
    /// <summary>
    /// Copies <paramref name="managed"/>'s state dict into <paramref name="torchModule"/> (wherever its tensors live), then
    /// moves the module to <paramref name="device"/> when one is given.
    /// </summary>
    public static void CopyFrom(ManagedModule managed, nn.Module torchModule, Device? device = null)
    {
        foreach (var (source, target) in Match(managed, torchModule)) TorchTensors.CopyInto(target, source);
        if (device is not null) torchModule.to(device);
    }

    /// <summary>Copies <paramref name="torchModule"/>'s state dict (from any device) into <paramref name="managed"/>.</summary>
    public static void CopyTo(ManagedModule managed, nn.Module torchModule)
    {
        foreach (var (target, source) in Match(managed, torchModule))
        {
            using var scope = torch.NewDisposeScope();
            var values = source.detach().to(ScalarType.Float32).cpu().contiguous().data<float>();
            values.CopyTo(target.Data, 0);
        }
    }

    /// <summary>Each managed entry with the torch tensor of the same name; throws when the names or shapes differ.</summary>
    private static List<(GanDsl.Tensors.Tensor Managed, Tensor Torch)> Match(ManagedModule managed, nn.Module torchModule)
    {
        ArgumentNullException.ThrowIfNull(managed);
        ArgumentNullException.ThrowIfNull(torchModule);
        TorchRuntime.EnsureAvailable();
        var own = managed.StateDict();
        var theirs = torchModule.state_dict();
        var missing = own.Select(e => e.Name).Where(n => !theirs.ContainsKey(n)).ToList();
        var extra = theirs.Keys.Where(n => own.All(e => e.Name != n)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new ArgumentException($"The torch module's state dict does not match {managed.GetType().Name}'s: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]; build it with TorchNets.Build from the same net.");
        var pairs = new List<(GanDsl.Tensors.Tensor, Tensor)>();
        foreach (var (name, value) in own)
        {
            var target = theirs[name];
            var shape = value.Shape.ToArray().Select(d => (long)d);
            if (!shape.SequenceEqual(target.shape))
                throw new ArgumentException($"The state dict entry {name} is {value.Shape} in {managed.GetType().Name} but [{string.Join(", ", target.shape)}] in the torch module; build it with TorchNets.Build from the same net.");
            pairs.Add((value, target));
        }
        return pairs;
    }
}
