using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GanDsl.Benchmarks;

/// <summary>Short runs (kernels are steady after warm-up), a memory diagnoser, and a GFLOP/s column.</summary>
public sealed class GemmConfig : ManualConfig
{
    public GemmConfig()
    {
        AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(10).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(200)));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new GflopsColumn());
    }

    private sealed class GflopsColumn : IColumn
    {
        public string Id => nameof(GflopsColumn);
        public string ColumnName => "GFLOP/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "2·m·n·k divided by the mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "NA";
            var gemm = (GemmCase)benchmarkCase.Parameters["Case"];
            return (gemm.Flop / stats.Mean).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
