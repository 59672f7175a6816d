import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph validate FILE...`: checks dataset files and reports every problem, located, then
/// the warnings of ``DatasetLint`` for the files that are valid.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dataset files; print a summary line per file, or every problem as FILE:LINE:COLUMN.",
        discussion: """
            Exit 0 when every file is valid, 1 when any has a problem. Warnings (FILE:LINE:COLUMN: warning: ...) \
            do not change the exit status: an event whose kind contradicts the QuadClass family of its CAMEO code \
            (a meeting or cooperation with a conflict code, a dispute with a cooperation code, a meeting coded as \
            a statement 01x or an intent 03x), a CAMEO code not in the CAMEO table, and a one-word alias of one \
            actor that is also a word of another actor's name.
            """)

    @Argument(help: "Dataset files (.yaml, .yml, .json).")
    var files: [String]

    @Flag(help: "Also check that every quote occurs verbatim in its source's file (resolved against the dataset's directory).")
    var checkQuotes = false

    @Option(
        help: ArgumentHelp(
            "With --check-quotes, read source files only inside this directory (links followed); others are errors.",
            discussion: "A quote check tells whether a string occurs in a file, so a dataset from someone else could probe any readable file; this bounds it.",
            valueName: "dir"))
    var quotesRoot: String?

    func validate() throws {
        if quotesRoot != nil && !checkQuotes {
            throw ValidationError("--quotes-root bounds where --check-quotes reads source files; it needs --check-quotes")
        }
    }

    func run() throws {
        for file in files { try DatasetInput.require(file) }
        if let export = files.first(where: GDELTInput.matches) {
            throw ValidationError("'\(export)' is a GDELT export, not a dataset: 'actorgraph import gdelt \(export)' reports its malformed rows")
        }
        var failed = false
        for file in files {
            do {
                let dataset = try DatasetReader.read(path: file, checkQuotes: checkQuotes, quotesRoot: quotesRoot)
                let warnings = try DatasetLint.warnings(for: dataset, path: file)
                for warning in warnings {
                    FileHandle.standardError.write(Data((warning.description + "\n").utf8))
                }
                let span = dataset.dateSpan.map { " from \($0.first) to \($0.last)" } ?? ""
                let relations = dataset.schemaVersion >= Dataset.relationsSchemaVersion ? ", \(dataset.relations.count) relations" : ""
                let warned = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
                print(
                    "\(file): ok: \(dataset.sources.count) sources, \(dataset.actors.count) actors, \(dataset.events.count) events\(relations)\(span)\(checkQuotes ? ", every quote found verbatim" : "")\(warned)"
                )
            } catch let error as InputError {
                failed = true
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                FileHandle.standardError.write(Data("\(file): \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s")\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
