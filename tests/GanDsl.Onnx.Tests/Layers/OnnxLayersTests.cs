using System.Reflection;
using GanDsl.Onnx.Layers;
using GanDsl.Onnx.Tests.Support;
using GanDsl.Shapes;

namespace GanDsl.Onnx.Tests.Layers;

/// <summary>Every layer kind has an ONNX form or a sentence saying why not; a kind without one is refused at export, never written wrong.</summary>
public class OnnxLayersTests
{
    /// <summary>Every kind LayerKind declares (its public static fields), so a kind added later is seen here.</summary>
    public static IReadOnlyList<LayerKind> AllKinds { get; } = typeof(LayerKind).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(LayerKind)).Select(f => (LayerKind)f.GetValue(null)!).ToList();

    [Fact]
    public void Every_layer_kind_has_an_ONNX_mapping_or_a_sentence_saying_it_has_no_exact_form()
    {
        Assert.True(AllKinds.Count >= 14, $"only {AllKinds.Count} layer kinds were found by reflection");
        var missing = AllKinds.Where(k => !OnnxLayers.ByKind.ContainsKey(k)).Select(k => k.Name).ToList();
        Assert.True(missing.Count == 0,
            $"No ONNX mapping for {string.Join(", ", missing)}: add a line to src/GanDsl.Onnx/Layers/OnnxLayers.cs (OnnxLayerMapping.Exact or NoExactFormBecause).");
        foreach (var (kind, mapping) in OnnxLayers.ByKind)
            if (mapping.NoExactForm is { } reason)
                Assert.True(reason.Length > 20 && char.IsLower(reason[0]), $"{kind.Name}'s reason for having no exact ONNX form is not a sentence: '{reason}'");
    }

    [Fact]
    public void Every_layer_kind_maps_exactly_today()
    {
        Assert.All(AllKinds, k => Assert.Null(OnnxLayers.ByKind[k].NoExactForm));
    }

    [Fact]
    public void A_layer_without_an_exact_form_is_refused_by_name_and_place_and_no_file_is_written_or_replaced()
    {
        var mappings = OnnxLayers.ByKind.ToDictionary(kv => kv.Key, kv => kv.Value);
        mappings[LayerKind.Upsample] = OnnxLayerMapping.NoExactFormBecause("this test pretends ONNX has no nearest upsampling");
        using var folder = new TempFolder();
        string path = folder.File("every-kind.onnx");
        File.WriteAllText(path, "an earlier file");

        var error = Assert.Throws<OnnxExportException>(() => OnnxExport.Save(new EveryKindGenerator(seed: 1), path, null, mappings));

        Assert.Equal("Upsample(2) at layer 6 of EveryKindGenerator has no exact ONNX form: this test pretends ONNX has no nearest upsampling; no file was written.", error.Message);
        Assert.Equal("an earlier file", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_kind_missing_from_the_table_is_refused_with_a_sentence()
    {
        var mappings = OnnxLayers.ByKind.Where(kv => kv.Key != LayerKind.BatchNorm1d).ToDictionary(kv => kv.Key, kv => kv.Value);
        var error = Assert.Throws<OnnxExportException>(() => OnnxExport.ToBytes(new EveryKindGenerator(seed: 1), null, mappings));
        Assert.Equal("BatchNorm1d at layer 2 of EveryKindGenerator has no ONNX mapping in this version of GanDsl.Onnx; export a net without it or update GanDsl.Onnx.", error.Message);
    }
}
