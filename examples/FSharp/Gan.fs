/// The generator and discriminator, built with the runtime LayerStack API, and one adversarial training step.
module GanDsl.FSharpExample.Gan

open GanDsl.Autograd
open GanDsl.Nn
open GanDsl.Nn.Optimizers
open GanDsl.Shapes
open GanDsl.Tensors
open GanDsl.FSharpExample.Config

type Gan =
    { Generator: Sequential
      Discriminator: Sequential
      GeneratorOptimizer: Adam
      DiscriminatorOptimizer: Adam
      /// One random source for data and noise, so a seed reproduces the run.
      Rng: Rng }

type StepLosses =
    { Step: int
      Discriminator: float32
      Generator: float32 }

/// Latent noise → 2-D point; input widths are inferred layer by layer.
let buildGenerator (config: Config) =
    LayerStack.Build(
        [| config.LatentDim |],
        LayerSpec.Linear config.Hidden, LayerSpec.ReLU(),
        LayerSpec.Linear config.Hidden, LayerSpec.ReLU(),
        LayerSpec.Linear 2)

/// 2-D point → probability that it is real.
let buildDiscriminator (config: Config) =
    LayerStack.Build(
        [| 2 |],
        LayerSpec.Linear config.Hidden, LayerSpec.LeakyReLU 0.2,
        LayerSpec.Linear config.Hidden, LayerSpec.LeakyReLU 0.2,
        LayerSpec.Linear 1, LayerSpec.Sigmoid())

let create (config: Config) : Gan =
    let rng = Rng config.Seed
    let g = buildGenerator config
    let d = buildDiscriminator config
    g.Initialize(GanDsl.Init.PyTorchDefault, rng)
    d.Initialize(GanDsl.Init.PyTorchDefault, rng)
    let adam (m: Module) = Adam(m.Parameters(), config.LearningRate, config.Beta1)
    { Generator = g
      Discriminator = d
      GeneratorOptimizer = adam g
      DiscriminatorOptimizer = adam d
      Rng = rng }

/// A [batch, latentDim] tensor of N(0, 1) noise.
let noise (gan: Gan) (config: Config) (batch: int) =
    let z = Tensor.Zeros(batch, config.LatentDim)
    gan.Rng.FillNormal(System.Span<float32>(z.Data))
    z

/// One step of the non-saturating GAN with BCE: D learns real → 1, fake → 0; then G learns to make D say 1.
let step (config: Config) (gan: Gan) (index: int) : StepLosses =
    // Intermediate tensors recycle their buffers within the step; the losses are read out before it ends.
    use _ = BufferScope.Begin()
    let batch = config.BatchSize
    let ones = Tensor.Full(1.0f, batch, 1)
    let zeros = Tensor.Zeros(batch, 1)
    let real = Ring.sample config gan.Rng batch
    let fake = gan.Generator.Forward(noise gan config batch)

    gan.DiscriminatorOptimizer.ZeroGrad()
    let lossD =
        Ops.Add(
            Ops.BinaryCrossEntropy(gan.Discriminator.Forward real, ones),
            Ops.BinaryCrossEntropy(gan.Discriminator.Forward(fake.Detach()), zeros))
    Engine.Backward lossD
    gan.DiscriminatorOptimizer.Step()

    gan.GeneratorOptimizer.ZeroGrad()
    let lossG = Ops.BinaryCrossEntropy(gan.Discriminator.Forward fake, ones)
    Engine.Backward lossG
    gan.GeneratorOptimizer.Step()

    { Step = index
      Discriminator = lossD.Item()
      Generator = lossG.Item() }

/// Generated points, without recording a graph.
let generate (config: Config) (gan: Gan) (count: int) : Tensor =
    use _ = GradMode.NoGrad()
    gan.Generator.Forward(noise gan config count).Clone()
