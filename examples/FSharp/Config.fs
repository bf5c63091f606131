/// The run's settings as one immutable record, and the command line that may override a few of them.
module GanDsl.FSharpExample.Config

open System
open System.Globalization

type Config =
    { Seed: uint64
      Steps: int
      BatchSize: int
      LatentDim: int
      Hidden: int
      LearningRate: float32
      Beta1: float32
      /// Number of Gaussians on the ring, their radius and standard deviation, and how many points the data set holds.
      Modes: int
      Radius: float32
      Std: float32
      Points: int
      LogEvery: int
      /// Generated points scored at the end, the distance that counts as "near a mode",
      /// and the thresholds the run must beat to exit 0.
      EvalSamples: int
      NearDistance: float32
      MinNearFraction: float
      MinModesCovered: int }

let defaults =
    { Seed = 7UL
      Steps = 2000
      BatchSize = 128
      LatentDim = 4
      Hidden = 64
      LearningRate = 1e-3f
      Beta1 = 0.5f
      Modes = 8
      Radius = 2.0f
      Std = 0.05f
      Points = 12800
      LogEvery = 100
      EvalSamples = 2000
      NearDistance = 0.25f
      MinNearFraction = 0.6
      MinModesCovered = 8 }

let private parseInt (name: string) (text: string) =
    match Int32.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) with
    | true, v when v > 0 -> Ok v
    | _ -> Error $"The value of {name} must be a positive integer but is '{text}'; pass e.g. {name} 400."

/// Applies `--steps N` and `--seed N` to the defaults; anything else is a usage error.
let rec parse (config: Config) (args: string list) : Result<Config, string> =
    match args with
    | [] -> Ok config
    | "--steps" :: v :: rest -> parseInt "--steps" v |> Result.bind (fun n -> parse { config with Steps = n } rest)
    | "--seed" :: v :: rest -> parseInt "--seed" v |> Result.bind (fun n -> parse { config with Seed = uint64 n } rest)
    | unknown :: _ -> Error $"Unknown or incomplete argument '{unknown}'; the example accepts --steps N and --seed N."
