import ActorGraph
import ArgumentParser
import Foundation

extension GDELTImportOptions.ActorKey: ExpressibleByArgument {}
extension GDELTImportOptions.Weight: ExpressibleByArgument {}

/// `actorgraph import SOURCE ...`: event streams from other formats, as datasets.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import events from another format as a dataset (GDELT).",
        subcommands: [ImportGDELTCommand.self])
}

/// `actorgraph import gdelt FILE... [-o OUT.yaml|OUT.json] [--format json] [--strict]`.
struct ImportGDELTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gdelt",
        abstract: "Import GDELT event exports (1.0: 57 or 58 fields, 2.0: 61 fields; plain or .zip) as a schema 3 dataset.",
        discussion: """
            One event per row: actors by CAMEO code (or ActorName), kind by root code (04 meeting; \
            01, 02, 03, 05 statement; 06-09 cooperation; 10-20 dispute), tone = GoldsteinScale, \
            date = SQLDATE, citation = SOURCEURL or the file and line; QuadClass, NumMentions, \
            NumSources, NumArticles, AvgTone and IsRootEvent kept as attributes. Without -o, the \
            dataset JSON (as 'actorgraph dataset' prints it) goes to stdout. A summary (rows read, \
            events made, rows rejected by reason) and every malformed row, located as FILE:LINE, \
            go to stderr; --strict stops at the first malformed row (exit 1).
            """)

    @Argument(help: "GDELT export files (.CSV, .tsv, .zip).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Write the dataset to this file (.yaml, .yml or .json), atomically.")
    var output: String?

    @Option(help: "json: the format on stdout, or of -o whatever its extension.")
    var format: Format?

    @Flag(help: "Fail on the first malformed row instead of reporting it and going on.")
    var strict = false

    @Option(help: "Keep rows dated on or after this day (SQLDATE; YYYY, YYYY-MM or YYYY-MM-DD).")
    var from: String?

    @Option(help: "Keep rows dated on or before this day.")
    var to: String?

    @Option(name: .customLong("country"), help: "Keep rows where either actor's country code is this (repeatable): USA.")
    var countries: [String] = []

    @Option(name: .customLong("root-code"), help: "Keep rows with this CAMEO root code (repeatable), as text: 04.")
    var rootCodes: [String] = []

    @Option(name: .customLong("quad-class"), help: "Keep rows with this QuadClass, 1-4 (repeatable).")
    var quadClasses: [Int] = []

    @Flag(help: "Keep only rows with IsRootEvent = 1.")
    var rootEventsOnly = false

    @Option(help: "What an event counts for in edges: count, mentions, sources, articles (a 'weight' attribute).")
    var weight: GDELTImportOptions.Weight = .count

    @Option(help: "Key actors by CAMEO code or by ActorName: code, name.")
    var actorKey: GDELTImportOptions.ActorKey = .code

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    func validate() throws {
        if let bad = quadClasses.first(where: { !(1...4).contains($0) }) {
            throw ValidationError("--quad-class \(bad) is not a QuadClass (1-4)")
        }
        if let bad = rootCodes.first(where: { code in code.count != 2 || !code.allSatisfy(\.isNumber) || !(1...20).contains(Int(code) ?? 0) }) {
            throw ValidationError("--root-code '\(bad)' is not a CAMEO root code: two digits, 01 to 20")
        }
        if let output {
            let ext = (output as NSString).pathExtension.lowercased()
            guard ["yaml", "yml", "json"].contains(ext) else {
                throw ValidationError("-o '\(output)' needs a .yaml, .yml or .json extension")
            }
        }
    }

    func run() throws {
        var options = GDELTImportOptions()
        options.window = try DateWindowArguments.window(from: from, "--from", to: to, "--to")
        options.countries = Set(countries)
        options.rootCodes = Set(rootCodes)
        options.quadClasses = Set(quadClasses)
        options.rootEventsOnly = rootEventsOnly
        options.weight = weight
        options.actorKey = actorKey
        options.strict = strict

        let progress = TerminalProgress.onTerminal(label: "import")
        let result: (dataset: Dataset, summary: GDELTImportSummary)
        do {
            defer { progress?.finish() }
            result = try GDELTImporter.importFiles(files, options: options) { done, total in progress?.update(done, of: total) }
        } catch let error as GDELTImportError {
            throw CLIError("\(error.problem) (--strict stops at the first malformed row)")
        }
        let summary = result.summary
        let shown = 50
        var report = summary.problems.prefix(shown).map { "\($0.file):\($0.line): warning: \($0.reason.rawValue): \($0.detail)" }
        if summary.problems.count > shown { report.append("... and \(summary.problems.count - shown) more rejected rows") }
        report += summary.lines
        ActorGraphCLI.printError(report.joined(separator: "\n"))

        if let output {
            let ext = (output as NSString).pathExtension.lowercased()
            let fmt: DatasetCanonicalWriter.Format = format == .json || ext == "json" ? .json : .yaml
            try DatasetCanonicalWriter.write(result.dataset, format: fmt, to: output)
        } else {
            Output.json(DatasetJSONWriter.json(result.dataset))
        }
    }
}
