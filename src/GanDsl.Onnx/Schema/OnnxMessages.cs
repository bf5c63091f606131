// The message classes protoc generates from onnx.proto live in namespace Onnx, which GanDsl.Onnx would shadow inside
// this assembly; these aliases name the ones the exporter uses.
global using AttributeProto = global::Onnx.AttributeProto;
global using GraphProto = global::Onnx.GraphProto;
global using ModelProto = global::Onnx.ModelProto;
global using NodeProto = global::Onnx.NodeProto;
global using OperatorSetIdProto = global::Onnx.OperatorSetIdProto;
global using StringStringEntryProto = global::Onnx.StringStringEntryProto;
global using TensorProto = global::Onnx.TensorProto;
global using TensorShapeProto = global::Onnx.TensorShapeProto;
global using TypeProto = global::Onnx.TypeProto;
global using ValueInfoProto = global::Onnx.ValueInfoProto;
