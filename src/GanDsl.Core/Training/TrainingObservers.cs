namespace GanDsl.Training;

/// <summary>Observers used together, e.g. <c>TrainingObservers.Combine(new ConsoleProgressObserver(), myObserver)</c>.</summary>
public static class TrainingObservers
{
    /// <summary>
    /// One observer that passes every event to each of <paramref name="observers"/> in order (nulls are left out, nested
    /// combinations flattened). <see cref="ITrainingObserver.OnEvaluation"/> returns the metrics of every member that gives some.
    /// </summary>
    public static ITrainingObserver Combine(params ITrainingObserver?[] observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        var members = observers.SelectMany(Members).ToArray();
        return members.Length == 1 ? members[0] : new CombinedObserver(members);
    }

    /// <summary>The observers inside <paramref name="observer"/>: its members when it is a combination, else itself (none for null).</summary>
    public static IReadOnlyList<ITrainingObserver> Members(ITrainingObserver? observer) => observer switch
    {
        null => [],
        CombinedObserver combined => combined.Members,
        _ => [observer],
    };

    private sealed class CombinedObserver(IReadOnlyList<ITrainingObserver> members) : ITrainingObserver
    {
        public IReadOnlyList<ITrainingObserver> Members { get; } = members;

        public void OnStart(TrainingStartReport report)
        {
            foreach (var m in Members) m.OnStart(report);
        }

        public void OnStep(StepReport report)
        {
            foreach (var m in Members) m.OnStep(report);
        }

        public void OnEpoch(EpochReport report)
        {
            foreach (var m in Members) m.OnEpoch(report);
        }

        public void OnCheckpoint(CheckpointReport report)
        {
            foreach (var m in Members) m.OnCheckpoint(report);
        }

        public IReadOnlyList<KeyValuePair<string, double?>>? OnEvaluation(EvaluationRequest request)
        {
            List<KeyValuePair<string, double?>>? all = null;
            foreach (var m in Members)
                if (m.OnEvaluation(request) is { } values) (all ??= []).AddRange(values);
            return all;
        }

        public void OnEnd(TrainingEndReport report)
        {
            foreach (var m in Members) m.OnEnd(report);
        }
    }
}
