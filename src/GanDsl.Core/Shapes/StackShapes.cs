using System.Collections.Generic;

namespace GanDsl.Shapes
{
    /// <summary>Shapes through a whole stack: each layer's output until the first error.</summary>
    public sealed class StackShapes
    {
        internal StackShapes(int[] input, IReadOnlyList<int[]> outputs, ShapeError? error)
        {
            Input = input;
            Outputs = outputs;
            Error = error;
        }

        /// <summary>Per-sample input shape (batch excluded).</summary>
        public int[] Input { get; }

        /// <summary>Per-sample output shape of each layer that could be inferred, in stack order.</summary>
        public IReadOnlyList<int[]> Outputs { get; }

        /// <summary>The first error, or null when every layer accepts its input.</summary>
        public ShapeError? Error { get; }

        /// <summary>True when every layer accepts its input.</summary>
        public bool IsValid => Error == null;

        /// <summary>The stack's output (the input when the stack is empty); only meaningful when valid.</summary>
        public int[] Output => Outputs.Count == 0 ? Input : Outputs[Outputs.Count - 1];
    }
}
