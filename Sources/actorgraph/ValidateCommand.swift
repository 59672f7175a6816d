import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph validate FILE...`: checks dataset files and reports every problem, located.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dataset files; print a summary line per file, or every problem as FILE:LINE:COLUMN.",
        discussion: "Exit 0 when every file is valid, 1 when any has a problem.")

    @Argument(help: "Dataset files (.yaml, .yml, .json).")
    var files: [String]

    @Flag(help: "Also check that every quote occurs verbatim in its source's file (resolved against the dataset's directory).")
    var checkQuotes = false

    func run() throws {
        for file in files { try DatasetInput.require(file) }
        var failed = false
        for file in files {
            do {
                let dataset = try DatasetReader.read(path: file, checkQuotes: checkQuotes)
                let span = dataset.dateSpan.map { " from \($0.first) to \($0.last)" } ?? ""
                print("\(file): ok: \(dataset.sources.count) sources, \(dataset.actors.count) actors, \(dataset.events.count) events\(span)\(checkQuotes ? ", every quote found verbatim" : "")")
            } catch let error as InputError {
                failed = true
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                FileHandle.standardError.write(Data("\(file): \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s")\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
