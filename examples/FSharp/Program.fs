/// Trains a small GAN on a ring of 8 Gaussians through GanDsl's one training loop and checks that it learned the modes.
module GanDsl.FSharpExample.Program

open System
open GanDsl.Training
open GanDsl.FSharpExample
open GanDsl.FSharpExample.Config

let private f3 (v: float) = v.ToString("0.000", Globalization.CultureInfo.InvariantCulture)

/// Prints every logged step (every config.LogEvery steps) as the hand-written loop of earlier versions did.
let private progress (config: Config) =
    { new ITrainingObserver with
        member _.OnStep(r: StepReport) =
            printfn "step %4d/%d  loss D %s  loss G %s" r.Step config.Steps (f3 (float r.DiscriminatorLoss)) (f3 (float r.GeneratorLoss)) }

let run (config: Config) : int =
    // Nets this small run fastest on one thread: handing a 128x64 product to a second thread costs more than it saves
    // (the results are the same bit for bit on any thread count).
    GanDsl.Tensors.Kernels.KernelSettings.Threads <- 1
    let gan = Gan.create config
    let data = Ring.RingData config
    printfn "GanDsl F# example: %d-mode ring, generator %d and discriminator %d parameters, %d steps of batch %d"
        config.Modes (gan.Generator.ParameterElementCount()) (gan.Discriminator.ParameterElementCount()) config.Steps config.BatchSize

    let trained = Adversarial.Train(gan, data, Gan.trainingConfig config, progress config)

    let outcome = Sampling.Draw(trained.Session.G, config.EvalSamples, config.Seed) |> Ring.points |> Ring.score config
    let passed = outcome.NearFraction >= config.MinNearFraction && outcome.ModesCovered >= config.MinModesCovered
    printfn "outcome: %s of %d generated points lie within %s of a mode (need %s); %d of %d modes covered (need %d): %s"
        (f3 outcome.NearFraction) config.EvalSamples (f3 (float config.NearDistance)) (f3 config.MinNearFraction)
        outcome.ModesCovered config.Modes config.MinModesCovered (if passed then "PASS" else "FAIL")
    if passed then 0 else 1

[<EntryPoint>]
let main argv =
    match Config.parse Config.defaults (List.ofArray argv) with
    | Ok config -> run config
    | Error message ->
        eprintfn "%s" message
        2
