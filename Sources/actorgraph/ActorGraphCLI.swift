import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph`: actor-relationship graphs from dated, sourced events.
///
/// Exit codes: 0 success, 1 bad input (every problem on stderr, located), 2 usage error.
@main
struct ActorGraphCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actorgraph",
        abstract: "Actor-relationship graphs from dated, sourced events: validate, analyse, find brokers, draw.",
        discussion: """
            INPUT files are read by extension: a dataset (.yaml, .yml, .json), GraphML (.graphml), \
            a CSV edge list (.csv) or a GDELT event export (.tsv, .zip, tab-separated .CSV). Results go to stdout, errors to stderr. Exit codes: 0 success, \
            1 bad input, 2 usage error.
            """,
        version: ActorGraphCLI.version,
        subcommands: [
            ValidateCommand.self,
            SummaryCommand.self,
            DatasetCommand.self,
            EdgesCommand.self,
            BrokerageCommand.self,
            StructuralHolesCommand.self,
            BrokersCommand.self,
            CentralityCommand.self,
            PathCommand.self,
            CommunitiesCommand.self,
            ComponentsCommand.self,
            BalanceCommand.self,
            RenderCommand.self,
            ConvertCommand.self,
            ImportCommand.self,
        ]
    )

    /// The tool's version, printed by `--version`.
    static let version = "0.2.0"

    static func main() {
        _ = RunTimer.shared // starts the clock that --time reads
        AtomicFile.installInterruptCleanup() // SIGINT/SIGTERM/SIGHUP remove half-written temporary files
        if CommandLine.arguments.dropFirst().first == "render" {
            GraphvizRenderer.prepareReproducibleLayout() // before any thread can end: see its comment
        }
        if let typo = unknownSubcommand(in: Array(CommandLine.arguments.dropFirst())) {
            printError(typo + "\nSee 'actorgraph --help' for the commands.")
            Foundation.exit(2)
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // Parse errors: argument-parser's own message names the subcommand's usage.
            fail(error, usage: self)
        }
        do {
            try command.run()
        } catch {
            fail(error, usage: type(of: command))
        }
        if let timing = RunTimer.shared.report() {
            fflush(nil) // the results first, then the timing line
            printError(timing)
        }
    }

    /// The message for a first argument that names no subcommand (`actorgraph broker`), with the
    /// closest names; `nil` when the first argument is an option or a subcommand.
    static func unknownSubcommand(in arguments: [String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(word) else { return nil }
        let close = Suggestions.closest(to: word, among: names, limit: 2)
        return "error: unknown command '\(TerminalText.safe(word))'"
            + (close.isEmpty ? "" : ". Did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?")
    }

    /// Writes `text` and a newline to stderr, each line with its control characters escaped
    /// (``TerminalText/safe(_:)``): messages quote names from files, which must not drive the
    /// terminal.
    static func printError(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.safe(String($0)) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Maps an error to the exit codes: 0 for help, 2 for usage errors (with the command's usage),
    /// 1 for bad input (located diagnostics or a message on stderr).
    static func fail(_ error: any Error, usage: any ParsableCommand.Type) -> Never {
        switch error {
        case let error as CLIError:
            printError("error: " + error.message)
            Foundation.exit(1)
        case let error as AnalysisError:
            // An analysis refused an edge or an option: located at its row or element, like a
            // reader's diagnostics, with the flag to use instead where the library names a field.
            printError((error.location.map { "\($0): " } ?? "") + "error: " + WeightOptions.advice(for: error))
            Foundation.exit(1)
        case let error as any ActorGraphError:
            // Every library error has one printed form: `LOCATION: error: MESSAGE` per problem.
            printError(error.report)
            Foundation.exit(1)
        case let code as ExitCode:
            Foundation.exit(code.rawValue)
        default:
            switch usage.exitCode(for: error) {
            case .success:
                print(usage.fullMessage(for: error))
                Foundation.exit(0)
            case .validationFailure:
                // A usage error found while running: the message and where to find help.
                let text =
                    usage == ActorGraphCLI.self
                    ? usage.fullMessage(for: error)
                    : "Error: \(usage.message(for: error))\nSee 'actorgraph \(usage.configuration.commandName ?? "") --help' for more information."
                printError(text)
                Foundation.exit(2)
            default:
                if error is CleanExit { exit(withError: error) }
                // Library errors thrown from `run()` are bad input: exit 1 with their message.
                printError("error: \(error)")
                Foundation.exit(1)
            }
        }
    }
}

/// A bad-input failure the CLI reports with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
