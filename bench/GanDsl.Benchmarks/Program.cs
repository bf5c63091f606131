using System.Globalization;
using BenchmarkDotNet.Running;
using GanDsl.Benchmarks;
using GanDsl.Tensors.Kernels;

// dotnet run -c Release --project bench/GanDsl.Benchmarks -- --quick [threads] [width]  (Stopwatch table; width: auto, bits512, bits256, scalar)
// dotnet run -c Release --project bench/GanDsl.Benchmarks -- --peak [rounds]                 (FMA ceiling, 1 and 2 threads)
// dotnet run -c Release --project bench/GanDsl.Benchmarks -- --conv MODEL [threads] [rounds] [path] (a step's convolutions, lowered vs auto or a named path)
// dotnet run -c Release --project bench/GanDsl.Benchmarks -- --bn [threads] [rounds]            (batch norm of dcgan's shapes, ns per value)
// dotnet run -c Release --project bench/GanDsl.Benchmarks -- --pool [threads] [rounds] [width]  (max pooling of lightning-cnn's shapes, ns per window)
// dotnet run -c Release --project bench/GanDsl.Benchmarks -- --fold [rounds]                   (col2im of dcgan's stride-2 input gradients, ns per pixel)
// dotnet run -c Release --project bench/GanDsl.Benchmarks -- --pack [rounds]                   (dcgan's weight-gradient patch panels, ns per packed value)
// dotnet run -c Release --project bench/GanDsl.Benchmarks -- --filter '*Gemm*'          (BenchmarkDotNet)
if (args.Length > 0 && args[0] == "--quick")
{
    int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
    var width = args.Length > 2 ? Enum.Parse<VectorWidth>(args[2], ignoreCase: true) : VectorWidth.Auto;
    QuickTable.Run(threads, width);
    return;
}

if (args.Length > 0 && args[0] == "--peak")
{
    FmaPeak.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
    return;
}

if (args.Length > 1 && args[0] == "--conv")
{
    ConvAb.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 7,
        args.Length > 4 ? Enum.Parse<ConvAlgorithm>(args[4], ignoreCase: true) : ConvAlgorithm.Auto);
    return;
}

if (args.Length > 0 && args[0] == "--bn")
{
    BatchNormBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7);
    return;
}

if (args.Length > 0 && args[0] == "--pack")
{
    PackBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9);
    return;
}

if (args.Length > 0 && args[0] == "--fold")
{
    FoldBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9);
    return;
}

if (args.Length > 0 && args[0] == "--pool")
{
    PoolBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7,
        args.Length > 3 ? Enum.Parse<VectorWidth>(args[3], ignoreCase: true) : VectorWidth.Auto);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly).Run(args);
