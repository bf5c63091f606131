// Peer benchmark: the training step of bench/torch_gan_step.py in TorchSharp (LibTorch 2.10 CPU), the library a .NET user
// would pick instead of GanDsl. Extends ../shared/bench/torchsharp to every model of bench/bench_models.json, each with the
// nets of its GanDsl model; same optimizer, loss (BCE, or BCE-with-logits where D ends in a logit; a class head's
// cross-entropy added where D has one), batch and timing rule.
// Prints one JSON line per model, in the peer script's format; --params prints the parameter counts instead.
using System.Diagnostics;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

torch.manual_seed(42);
var manifestPath = Environment.GetEnvironmentVariable("GANDSL_BENCH_MODELS")
    ?? throw new InvalidOperationException("Set GANDSL_BENCH_MODELS to bench/bench_models.json (run.sh does).");
var listed = Manifest.Read(manifestPath);
var built = new[] { "mlp-gan", "mnist-mlp", "lightning-cnn", "dcgan", "cgan", "dcgan64" };
if (!listed.Keys.Order().SequenceEqual(built.Order()))
    return Fail($"bench_models.json lists {string.Join(", ", listed.Keys)} but this program builds {string.Join(", ", built)}; add the missing nets.");

bool countsOnly = false;
int warm = 5, steps = 20;
var names = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--params": countsOnly = true; break;
        case "--warmup": warm = int.Parse(args[++i]); break;
        case "--steps": steps = int.Parse(args[++i]); break;
        default:
            if (!listed.ContainsKey(args[i])) return Fail($"unknown model '{args[i]}'; choose one of: {string.Join(", ", listed.Keys)}.");
            names.Add(args[i]);
            break;
    }
}

foreach (var name in names.Count > 0 ? names : listed.Keys.ToList())
{
    var model = Nets.Build(name);
    var counts = (G: Count(model.G), D: Count(model.D));
    if (counts != (listed[name].GeneratorParams, listed[name].DiscriminatorParams))
        return Fail($"{name}: this program's nets have {counts.G} + {counts.D} parameters but bench_models.json (GanDsl's counts) says "
            + $"{listed[name].GeneratorParams} + {listed[name].DiscriminatorParams}; make the nets match src/GanDsl.Models.");
    if (countsOnly)
    {
        Console.WriteLine($"{{\"model\": \"{name}\", \"generator_params\": {counts.G}, \"discriminator_params\": {counts.D}}}");
        continue;
    }
    (double ms, int threads) best = (double.MaxValue, 0);
    foreach (int t in new[] { 1, 2 })
    {
        double ms = StepTimer.Bench(Nets.Build(name), t, warm, steps);
        if (ms < best.ms) best = (ms, t);
    }
    Console.WriteLine(FormattableString.Invariant(
        $"{{\"engine\": \"torchsharp-0.107.0-libtorch-{torch.__version__}\", \"model\": \"{name}\", \"batch\": 128, \"threads\": {best.threads}, \"ms_per_step\": {best.ms:F3}}}"));
}
return 0;

static long Count(Module module) => module.parameters().Sum(p => p.numel());

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

/// <summary>One model of the step: G(z, labels), D(x, labels), latent size, classes (0 = unconditional), loss, D's input shape.</summary>
internal sealed record GanModel(Module<Tensor, Tensor?, Tensor> G, Module<Tensor, Tensor?, Tensor> D, int Nz, int Classes,
    Module<Tensor, Tensor, Tensor> Loss, long[] Sample);

internal sealed record ManifestEntry(string Name, long GeneratorParams, long DiscriminatorParams);

internal static class Manifest
{
    /// <summary>bench_models.json's models by name, in its order: GanDsl's parameter counts for each.</summary>
    public static Dictionary<string, ManifestEntry> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("models").EnumerateArray()
            .Select(m => new ManifestEntry(m.GetProperty("name").GetString()!, m.GetProperty("generator_params").GetInt64(),
                m.GetProperty("discriminator_params").GetInt64()))
            .ToDictionary(m => m.Name);
    }
}

/// <summary>The nets of each GanDsl model (src/GanDsl.Models), as bench/torch_gan_step.py builds them.</summary>
internal static class Nets
{
    private static readonly long[] Mnist = { 1, 28, 28 };

    public static GanModel Build(string name) => name switch
    {
        // Vanilla.cs (the shared peer's mlp-gan)
        "mlp-gan" => new(new Unconditional(Sequential(Linear(100, 256), LeakyReLU(0.2, true), Linear(256, 512), LeakyReLU(0.2, true),
                             Linear(512, 1024), LeakyReLU(0.2, true), Linear(1024, 784), Tanh(), Unflatten(1, new long[] { 1, 28, 28 }))),
                         new Unconditional(Sequential(Flatten(), Linear(784, 512), LeakyReLU(0.2, true), Dropout(0.3),
                             Linear(512, 256), LeakyReLU(0.2, true), Dropout(0.3),
                             Linear(256, 128), LeakyReLU(0.2, true), Dropout(0.3), Linear(128, 1), Sigmoid())), 100, 0, BCELoss(), Mnist),
        // MnistMlp.cs: D ends in a logit
        "mnist-mlp" => new(new Unconditional(Sequential(Linear(100, 256), LeakyReLU(0.2, true), Linear(256, 512), LeakyReLU(0.2, true),
                             Linear(512, 784), Tanh(), Unflatten(1, new long[] { 1, 28, 28 }))),
                           new Unconditional(Sequential(Flatten(), Linear(784, 512), LeakyReLU(0.2, true), Dropout(0.3),
                             Linear(512, 256), LeakyReLU(0.2, true), Dropout(0.3), Linear(256, 1))), 100, 0, BCEWithLogitsLoss(), Mnist),
        // LightningCnn.cs, the tutorial's nets (Dropout2d after D's second convolution)
        "lightning-cnn" => new(new Unconditional(Sequential(Linear(100, 7 * 7 * 64), ReLU(), Unflatten(1, new long[] { 64, 7, 7 }),
                             ConvTranspose2d(64, 32, 4, 2), ReLU(), ConvTranspose2d(32, 16, 4, 2), ReLU(), Conv2d(16, 1, 7))),
                               new Unconditional(Sequential(Conv2d(1, 10, 5), MaxPool2d(2), ReLU(), Conv2d(10, 20, 5), Dropout2d(0.5), MaxPool2d(2),
                             ReLU(), Flatten(), Linear(320, 50), ReLU(), Dropout(0.5), Linear(50, 1), Sigmoid())), 100, 0, BCELoss(), Mnist),
        // Dcgan.cs: latent 128
        "dcgan" => new(new Unconditional(DcGenerator(128)), new Unconditional(DcDiscriminator(1)), 128, 0, BCELoss(), Mnist),
        // Cgan.cs: latent 100 + a 10-wide label embedding into G, 10 one-hot label planes and a class head into D
        "cgan" => new(new EmbeddingAtInput(10, DcGenerator(110)), new OneHotPlanesAndClassifier(10, DcFeatures(11),
                          Sequential(Conv2d(128, 1, 4, 1, 0, bias: false), Flatten(), Sigmoid()), 128 * 4 * 4), 100, 10, BCELoss(), Mnist),
        // Dcgan64.cs: PyTorch's examples/dcgan at 64x64x3 (nz 100, ngf = ndf = 64)
        "dcgan64" => new(new Unconditional(Sequential(Unflatten(1, new long[] { 100, 1, 1 }),
                             ConvTranspose2d(100, 512, 4, 1, 0, bias: false), BatchNorm2d(512), ReLU(true),
                             ConvTranspose2d(512, 256, 4, 2, 1, bias: false), BatchNorm2d(256), ReLU(true),
                             ConvTranspose2d(256, 128, 4, 2, 1, bias: false), BatchNorm2d(128), ReLU(true),
                             ConvTranspose2d(128, 64, 4, 2, 1, bias: false), BatchNorm2d(64), ReLU(true),
                             ConvTranspose2d(64, 3, 4, 2, 1, bias: false), Tanh())),
                         new Unconditional(Sequential(
                             Conv2d(3, 64, 4, 2, 1, bias: false), LeakyReLU(0.2, true),
                             Conv2d(64, 128, 4, 2, 1, bias: false), BatchNorm2d(128), LeakyReLU(0.2, true),
                             Conv2d(128, 256, 4, 2, 1, bias: false), BatchNorm2d(256), LeakyReLU(0.2, true),
                             Conv2d(256, 512, 4, 2, 1, bias: false), BatchNorm2d(512), LeakyReLU(0.2, true),
                             Conv2d(512, 1, 4, 1, 0, bias: false), Flatten(), Sigmoid())), 100, 0, BCELoss(), new long[] { 3, 64, 64 }),
        _ => throw new ArgumentException($"unknown model {name}"),
    };

    /// <summary>The DCGAN generator for 28x28x1 (ngf 32) of Dcgan.cs and Cgan.cs.</summary>
    private static Sequential DcGenerator(int nz) => Sequential(Unflatten(1, new long[] { nz, 1, 1 }),
        ConvTranspose2d(nz, 128, 4, 1, 0, bias: false), BatchNorm2d(128), ReLU(true),
        ConvTranspose2d(128, 64, 3, 2, 1, bias: false), BatchNorm2d(64), ReLU(true),
        ConvTranspose2d(64, 32, 4, 2, 1, bias: false), BatchNorm2d(32), ReLU(true),
        ConvTranspose2d(32, 1, 4, 2, 1, bias: false), Tanh());

    /// <summary>The DCGAN discriminator for 28x28 (ndf 32) with <paramref name="nc"/> input channels.</summary>
    private static Sequential DcDiscriminator(int nc) => Sequential(DcFeatures(nc), Conv2d(128, 1, 4, 1, 0, bias: false), Flatten(), Sigmoid());

    /// <summary>That discriminator's convolutions up to its 128x4x4 features.</summary>
    private static Sequential DcFeatures(int nc) => Sequential(
        Conv2d(nc, 32, 4, 2, 1, bias: false), BatchNorm2d(32), LeakyReLU(0.2, true),
        Conv2d(32, 64, 4, 2, 1, bias: false), BatchNorm2d(64), LeakyReLU(0.2, true),
        Conv2d(64, 128, 3, 2, 1, bias: false), BatchNorm2d(128), LeakyReLU(0.2, true));
}

/// <summary>A net that takes no labels, behind the (input, labels) call of the step.</summary>
internal sealed class Unconditional : Module<Tensor, Tensor?, Tensor>
{
    private readonly Module<Tensor, Tensor> net;

    public Unconditional(Module<Tensor, Tensor> net) : base("unconditional")
    {
        this.net = net;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor? labels) => net.forward(x);
}

/// <summary>GanDsl's conditional generator: concat(z, Embedding(classes, classes)(y)) into the stack.</summary>
internal sealed class EmbeddingAtInput : Module<Tensor, Tensor?, Tensor>
{
    private readonly Embedding emb;
    private readonly Module<Tensor, Tensor> net;

    public EmbeddingAtInput(int classes, Module<Tensor, Tensor> net) : base("embedding_at_input")
    {
        emb = Embedding(classes, classes);
        this.net = net;
        RegisterComponents();
    }

    public override Tensor forward(Tensor z, Tensor? labels) => net.forward(torch.cat(new[] { z, emb.forward(labels!) }, 1));
}

/// <summary>GanDsl's conditional image discriminator: the image's channels, then one constant one-hot plane per class.</summary>
internal sealed class OneHotPlanes : Module<Tensor, Tensor?, Tensor>
{
    private readonly int classes;
    private readonly Module<Tensor, Tensor> net;

    public OneHotPlanes(int classes, Module<Tensor, Tensor> net) : base("one_hot_planes")
    {
        this.classes = classes;
        this.net = net;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor? labels)
    {
        long b = x.shape[0], h = x.shape[2], w = x.shape[3];
        var planes = functional.one_hot(labels!, classes).to_type(x.dtype).reshape(b, classes, 1, 1).expand(b, classes, h, w);
        return net.forward(torch.cat(new[] { x, planes }, 1));
    }
}

/// <summary>
/// GanDsl's OneHotPlanesAndClassifier: the score as <see cref="OneHotPlanes"/>' (features, then the score head); Classify
/// runs the features with every label plane zero and reads them, flattened, with the class head Linear(features, classes).
/// </summary>
internal sealed class OneHotPlanesAndClassifier : Module<Tensor, Tensor?, Tensor>
{
    private readonly int classes;
    private readonly Module<Tensor, Tensor> features, score;
    private readonly Linear cls;

    public OneHotPlanesAndClassifier(int classes, Module<Tensor, Tensor> features, Module<Tensor, Tensor> score, int width)
        : base("one_hot_planes_and_classifier")
    {
        this.classes = classes;
        this.features = features;
        this.score = score;
        cls = Linear(width, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor? labels)
    {
        long b = x.shape[0], h = x.shape[2], w = x.shape[3];
        var planes = functional.one_hot(labels!, classes).to_type(x.dtype).reshape(b, classes, 1, 1).expand(b, classes, h, w);
        return score.forward(features.forward(torch.cat(new[] { x, planes }, 1)));
    }

    public Tensor Classify(Tensor x)
    {
        var blank = torch.zeros(x.shape[0], classes, x.shape[2], x.shape[3], dtype: x.dtype);
        return cls.forward(features.forward(torch.cat(new[] { x, blank }, 1)).flatten(1));
    }
}

internal static class StepTimer
{
    /// <summary>The median over <paramref name="reps"/> repeats of the mean ms over <paramref name="n"/> steps, after <paramref name="warm"/>.</summary>
    public static double Bench(GanModel m, int threads, int warm, int n, int batch = 128, int reps = 5)
    {
        torch.set_num_threads(threads);
        var (G, D, crit) = (m.G, m.D, m.Loss);
        var oG = optim.AdamW(G.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999, weight_decay: 1e-5);
        var oD = optim.AdamW(D.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999, weight_decay: 1e-5);
        var real = torch.rand(m.Sample.Prepend((long)batch).ToArray()) * 2 - 1;
        var realY = m.Classes > 0 ? torch.randint(0, m.Classes, new long[] { batch }) : null;
        void Step()
        {
            using var scope = torch.NewDisposeScope();
            var ones = torch.ones(batch, 1); var zeros = torch.zeros(batch, 1);
            var y = m.Classes > 0 ? torch.randint(0, m.Classes, new long[] { batch }) : null;
            var lr = crit.forward(D.forward(real, realY), ones);
            var fake = G.forward(torch.randn(batch, m.Nz), y);
            var lf = crit.forward(D.forward(fake.detach(), y), zeros);
            var lD = (lr + lf) / 2;
            var head = D as OneHotPlanesAndClassifier; // a class head: its cross-entropy on real images to D, on fakes to G
            if (head is not null) lD = lD + functional.cross_entropy(head.Classify(real), realY!);
            D.zero_grad(); lD.backward(); oD.step();
            var lG = crit.forward(D.forward(fake, y), ones);
            if (head is not null) lG = lG + functional.cross_entropy(head.Classify(fake), y!);
            G.zero_grad(); lG.backward(); oG.step();
            _ = lG.item<float>(); _ = lD.item<float>();
        }
        for (int i = 0; i < warm; i++) Step();
        var times = new List<double>();
        for (int r = 0; r < reps; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) Step();
            times.Add(sw.Elapsed.TotalMilliseconds / n);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
