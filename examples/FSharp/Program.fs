/// Trains a small GAN on a ring of 8 Gaussians with GanDsl's runtime API and checks that it learned the modes.
module GanDsl.FSharpExample.Program

open System
open GanDsl.FSharpExample
open GanDsl.FSharpExample.Config

let private f3 (v: float) = v.ToString("0.000", Globalization.CultureInfo.InvariantCulture)

let private report (config: Config) (losses: Gan.StepLosses) =
    printfn "step %4d/%d  loss D %s  loss G %s" losses.Step config.Steps (f3 (float losses.Discriminator)) (f3 (float losses.Generator))

let run (config: Config) : int =
    let gan = Gan.create config
    printfn "GanDsl F# example: %d-mode ring, generator %d and discriminator %d parameters, %d steps of batch %d"
        config.Modes (gan.Generator.ParameterElementCount()) (gan.Discriminator.ParameterElementCount()) config.Steps config.BatchSize

    seq { 1 .. config.Steps }
    |> Seq.map (Gan.step config gan)
    |> Seq.filter (fun l -> l.Step % config.LogEvery = 0 || l.Step = config.Steps)
    |> Seq.iter (report config)

    let outcome = Gan.generate config gan config.EvalSamples |> Ring.points |> Ring.score config
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
