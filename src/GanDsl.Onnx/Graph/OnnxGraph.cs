using System.Buffers.Binary;
using Google.Protobuf;
using GanDsl.Tensors;

namespace GanDsl.Onnx.Graph;

/// <summary>
/// A graph under construction: nodes in execution order, weights as initializers, inputs and outputs. Each node's one
/// output value carries the node's own name, and names are made unique here, so emitters never collide.
/// </summary>
internal sealed class OnnxGraph
{
    /// <summary>The symbolic batch dimension of every input and output.</summary>
    public const string BatchDimension = "N";

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public OnnxGraph(int opset) => Opset = opset;

    /// <summary>The opset the nodes are written for (some operators take their arguments differently across versions).</summary>
    public int Opset { get; }

    public GraphProto Proto { get; } = new();

    /// <summary>Adds a node with one output and returns that output's name (<paramref name="name"/>, made unique).</summary>
    public string Node(string opType, string name, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        AddNode(opType, Unique(name), inputs, attributes);

    /// <summary>A float32 initializer holding <paramref name="tensor"/>'s values under <paramref name="name"/> (a state dict name).</summary>
    public string Initializer(string name, Tensor tensor) => Floats(name, tensor.Data.AsSpan(0, tensor.Shape.Size), tensor.Shape.ToArray());

    public string Floats(string name, ReadOnlySpan<float> values, params int[] dims)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        return AddInitializer(name, TensorProto.Types.DataType.Float, bytes, dims);
    }

    public string Int64s(string name, ReadOnlySpan<long> values, params int[] dims)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        return AddInitializer(name, TensorProto.Types.DataType.Int64, bytes, dims);
    }

    /// <summary>Declares a graph input of element type <paramref name="type"/> and shape [N, <paramref name="perSample"/>…].</summary>
    public void Input(string name, TensorProto.Types.DataType type, IReadOnlyList<int> perSample, string description) =>
        Proto.Input.Add(Value(Reserve(name), type, perSample, description));

    /// <summary>Declares <paramref name="value"/> as the graph output <paramref name="name"/> (through an Identity node when the names differ).</summary>
    public void Output(string name, string value, IReadOnlyList<int> perSample, string description)
    {
        if (value != name) AddNode("Identity", Reserve(name), [value], []);
        Proto.Output.Add(Value(name, TensorProto.Types.DataType.Float, perSample, description));
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private string AddNode(string opType, string output, IEnumerable<string> inputs, AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Proto.Node.Add(node);
        return output;
    }

    private string AddInitializer(string name, TensorProto.Types.DataType type, byte[] bytes, int[] dims)
    {
        var tensor = new TensorProto { Name = Reserve(name), DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        foreach (var d in dims) tensor.Dims.Add(d);
        Proto.Initializer.Add(tensor);
        return tensor.Name;
    }

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type, IReadOnlyList<int> perSample, string description)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        foreach (var d in perSample) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            DocString = description,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    /// <summary>Claims a name that must stay exactly as given (an input, an output, a state dict entry).</summary>
    private string Reserve(string name)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"The ONNX graph already has a value named {name}.");
        return name;
    }

    /// <summary><paramref name="name"/>, or <c>name_2</c>, <c>name_3</c> … when it is taken.</summary>
    private string Unique(string name)
    {
        string candidate = name;
        for (int k = 2; !_names.Add(candidate); k++) candidate = name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }
}
