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
            INPUT files are read by extension: a dataset (.yaml, .yml, .json), GraphML (.graphml) \
            or a CSV edge list (.csv). Results go to stdout, errors to stderr. Exit codes: 0 success, \
            1 bad input, 2 usage error.
            """,
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
            RenderCommand.self,
        ]
    )

    static func main() {
        AtomicFile.installInterruptCleanup()  // SIGINT/SIGTERM/SIGHUP remove half-written temporary files
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // Parse errors: argument-parser's own message names the subcommand's usage.
            fail(error, usage: self)
        }
        do {
            // Long analyses report progress on stderr when it is a terminal.
            let name = type(of: command).configuration.commandName ?? "actorgraph"
            if let (reporter, progress) = TerminalProgress.reporter(label: name) {
                defer { progress.finish() }
                try AnalysisProgress.$reporter.withValue(reporter) { try command.run() }
            } else {
                try command.run()
            }
        } catch {
            fail(error, usage: type(of: command))
        }
    }

    /// Maps an error to the exit codes: 0 for help, 2 for usage errors (with the command's usage),
    /// 1 for bad input (located diagnostics or a message on stderr).
    static func fail(_ error: any Error, usage: any ParsableCommand.Type) -> Never {
        switch error {
        case let error as InputError:
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        case let error as FileError:
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        case let error as CLIError:
            FileHandle.standardError.write(Data(("error: " + error.message + "\n").utf8))
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
                let text = usage == ActorGraphCLI.self ? usage.fullMessage(for: error)
                    : "Error: \(usage.message(for: error))\nSee 'actorgraph \(usage.configuration.commandName ?? "") --help' for more information."
                FileHandle.standardError.write(Data((text + "\n").utf8))
                Foundation.exit(2)
            default:
                if error is CleanExit { exit(withError: error) }
                // Library errors thrown from `run()` are bad input: exit 1 with their message.
                FileHandle.standardError.write(Data(("error: \(error)\n").utf8))
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
