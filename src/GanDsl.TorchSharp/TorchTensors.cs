using TorchSharp;
using static TorchSharp.torch;
using ManagedTensor = GanDsl.Tensors.Tensor;

namespace GanDsl.TorchSharp;

/// <summary>Moves values between GanDsl's managed tensors and TorchSharp's, e.g. noise drawn by GanDsl's random source.</summary>
public static class TorchTensors
{
    /// <summary>A float32 torch tensor with <paramref name="value"/>'s shape and values, on <paramref name="device"/> (the CPU when null).</summary>
    public static Tensor ToTorch(ManagedTensor value, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        TorchRuntime.EnsureAvailable();
        var dims = value.Shape.ToArray().Select(d => (long)d).ToArray();
        var cpu = torch.tensor(value.Data, dims, ScalarType.Float32);
        return device is null || device.type == DeviceType.CPU ? cpu : Move(cpu, device);
    }

    /// <summary>Class labels as the int64 index tensor [N] that embeddings and one-hot planes take, on <paramref name="device"/>.</summary>
    public static Tensor Labels(int[] labels, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        TorchRuntime.EnsureAvailable();
        var cpu = torch.tensor(labels.Select(l => (long)l).ToArray(), ScalarType.Int64);
        return device is null || device.type == DeviceType.CPU ? cpu : Move(cpu, device);
    }

    /// <summary>A managed float32 copy of <paramref name="value"/> (any device, any dtype), with its shape.</summary>
    public static ManagedTensor ToManaged(Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var scope = torch.NewDisposeScope();
        var cpu = value.detach().to(ScalarType.Float32).cpu().contiguous();
        return ManagedTensor.FromArray(cpu.data<float>().ToArray(), value.shape.Select(d => checked((int)d)).ToArray());
    }

    /// <summary>
    /// Copies <paramref name="source"/>'s values into <paramref name="target"/> in place (any device, any dtype: batch norm's
    /// int64 counter takes the managed float count); the shapes must hold the same number of elements.
    /// </summary>
    public static void CopyInto(Tensor target, ManagedTensor source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        using var values = torch.tensor(source.Data, target.shape, ScalarType.Float32);
        using var noGrad = torch.no_grad();
        target.copy_(values);
    }

    private static Tensor Move(Tensor cpu, Device device)
    {
        using (cpu) return cpu.to(device);
    }
}
