import ActorGraph
import ArgumentParser

/// `actorgraph dataset FILE --format json`: the normalised dataset, the stable contract for scripts.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Print the normalised dataset as JSON (the stable contract that scripts read).",
        discussion: """
            {"sources":[{"id","title","publisher","date","url","file"}], \
            "actors":[{"id","name","kind","affiliation","aliases":[...],"roles":[...],"description"}], \
            "events":[{"id","date","kind","subtype","participants":[ids],"source","target","broker","tone",\
            "citations":[{"source","quote"}],"principal","cameo","summary"}]}. Absent optional values are null. \
            The output is itself a valid dataset file.
            """)

    @Argument(help: "A dataset file (.yaml, .yml, .json).")
    var file: String

    @Option(help: "json (the only format).")
    var format: Format = .json

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    func run() throws {
        try DatasetInput.require(file)
        Output.json(DatasetJSONWriter.json(try DatasetInput.read(file)))
    }
}
