using TorchSharp;

namespace GanDsl.TorchSharp.Tests;

/// <summary>Device words as the CLI takes them; CUDA only when LibTorch has it, never a silent CPU.</summary>
public class DeviceTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void Cpu_parses(string text) => Assert.Equal(DeviceType.CPU, TorchDevices.Parse(text).type);

    [Theory]
    [InlineData("cuda", 0)]
    [InlineData("cuda:0", 0)]
    [InlineData("cuda:3", 3)]
    public void Cuda_is_refused_with_what_to_install_where_LibTorch_has_none_and_range_checked_where_it_has(string text, int index)
    {
        if (!torch.cuda.is_available())
        {
            var error = Assert.Throws<TorchSetupException>(() => TorchDevices.Parse(text));
            Assert.Contains("TorchSharp-cuda-linux", error.Message);
            Assert.Contains("NVIDIA driver", error.Message);
            Assert.Contains($"cuda:{index}", error.Message);
            return;
        }
        if (index < torch.cuda.device_count())
        {
            var device = TorchDevices.Parse(text);
            Assert.Equal((DeviceType.CUDA, index), (device.type, device.index));
        }
        else Assert.Contains("pick one of those", Assert.Throws<TorchSetupException>(() => TorchDevices.Parse(text)).Message);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:one")]
    [InlineData("")]
    public void Other_words_are_refused_in_one_sentence(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => TorchDevices.Parse(text));
        Assert.StartsWith($"The device '{text}' is not one of cpu, cuda or cuda:N", error.Message);
    }

    [Fact]
    public void Building_on_a_device_puts_every_parameter_and_buffer_there()
    {
        var g = Models.ModelCatalog.Get("cgan").Create(1).Generator;
        using var torchG = TorchNets.Build(g, TorchDevices.Cpu);

        Assert.All(torchG.state_dict().Values, t => Assert.Equal(DeviceType.CPU, t.device_type));
    }
}
