import ActorGraph
import ArgumentParser

extension WeightMeaning: ExpressibleByArgument {}
extension StrengthToCost: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "inverse": self = .inverse
        case "negative-log", "negativeLog": self = .negativeLog
        default: return nil
        }
    }
    public static var allValueStrings: [String] { ["inverse", "negative-log"] }
}

/// `--weight ATTR [--weight-as cost|strength] [--conversion RULE]`: a weight as the library's
/// ``EdgeWeight``, declared once for the commands that weigh ties (centrality, path), and the
/// one place that turns the library's weight and option errors into advice about these flags.
struct WeightOptions: ParsableArguments {
    @Option(help: "A numeric edge attribute to weigh ties by (path measures also need --weight-as).")
    var weight: String?

    @Option(name: .customLong("weight-as"), help: "What --weight means: cost (bigger = farther) or strength (bigger = stronger tie).")
    var weightAs: WeightMeaning?

    @Option(help: "How --weight-as strength becomes a path cost: inverse (1/w, default) or negative-log.")
    var conversion: StrengthToCost?

    func validate() throws {
        if weight == nil && weightAs != nil { throw ValidationError("--weight-as needs --weight ATTR naming the edge column") }
        if weight == nil && conversion != nil { throw ValidationError("--conversion needs --weight ATTR and --weight-as strength") }
    }

    /// The weight named, or `nil` for the analysis's default.
    var edgeWeight: EdgeWeight? {
        weight.map { EdgeWeight(column: $0, meaning: weightAs, conversion: conversion) }
    }

    /// The flags behind an option field the library names in ``AnalysisError/option``.
    static let flags: [String: String] = [
        "meaning": "--weight-as", "conversion": "--conversion", "weight": "--weight",
        "normalized": "--normalized", "direction": "--direction", "k": "--k", "maxPaths": "--max-paths",
        "windowDays": "--window", "closureDays": "--closure", "contactKinds": "--contact-kinds",
        "samples": "--samples", "seed": "--seed",
    ]

    /// The library's message with what to type instead: `--weight-as cost|strength` for a path
    /// measure given a bare weight, and the flag of any other option field at fault.
    static func advice(for error: AnalysisError) -> String {
        if error.code == .weightMeaningRequired {
            return error.message + "; use --weight-as cost or --weight-as strength (--conversion picks the strength-to-cost rule)"
        }
        if error.code == .invalidOption, let field = error.option, let flag = flags[field] {
            return "\(flag): \(error.message)"
        }
        return error.message
    }
}
