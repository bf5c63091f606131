/// The data set, a ring of Gaussians, and the pure functions that score generated points against it.
module GanDsl.FSharpExample.Ring

open System
open GanDsl.Tensors
open GanDsl.Training
open GanDsl.FSharpExample.Config

/// The centre of mode k on the ring.
let modeCentre (config: Config) (k: int) =
    let angle = 2.0 * Math.PI * float k / float config.Modes
    float32 (cos angle) * config.Radius, float32 (sin angle) * config.Radius

/// config.Points points [x, y], each a uniformly chosen mode plus isotropic Gaussian noise, drawn once from the seed.
type RingData(config: Config) =
    let points =
        let rng = Rng(config.Seed + 1000UL)
        Array.init (config.Points * 2) (fun _ -> 0.0f)
        |> fun data ->
            for i in 0 .. config.Points - 1 do
                let cx, cy = modeCentre config (rng.NextInt config.Modes)
                data[2 * i] <- cx + config.Std * rng.NextNormal()
                data[2 * i + 1] <- cy + config.Std * rng.NextNormal()
            data

    interface ITrainingData with
        member _.Count = config.Points
        member _.SampleShape = [| 2 |]
        member _.Classes = 0
        member _.CopyBatch(indices, samples, _labels) =
            for i in 0 .. indices.Length - 1 do
                samples[2 * i] <- points[2 * indices[i]]
                samples[2 * i + 1] <- points[2 * indices[i] + 1]

/// The nearest mode of a point and its distance to that mode's centre.
let nearestMode (config: Config) (x: float32, y: float32) =
    seq { 0 .. config.Modes - 1 }
    |> Seq.map (fun k ->
        let cx, cy = modeCentre config k
        k, sqrt ((x - cx) * (x - cx) + (y - cy) * (y - cy)))
    |> Seq.minBy snd

type Outcome =
    { NearFraction: float
      ModesCovered: int }

/// The share of points within NearDistance of some mode, and how many modes received at least
/// 1/4 of their fair share of those near points (so a handful of strays does not count as coverage).
let score (config: Config) (points: (float32 * float32) array) : Outcome =
    let near =
        points
        |> Array.map (nearestMode config)
        |> Array.filter (fun (_, d) -> d <= config.NearDistance)
    let fairShare = float points.Length / float config.Modes
    let covered =
        near
        |> Array.countBy fst
        |> Array.filter (fun (_, n) -> float n >= fairShare / 4.0)
        |> Array.length
    { NearFraction = float near.Length / float points.Length
      ModesCovered = covered }

/// The rows of a [n, 2] tensor as pairs.
let points (t: Tensor) : (float32 * float32) array =
    Array.init (t.Shape[0]) (fun i -> t.Data[2 * i], t.Data[2 * i + 1])
