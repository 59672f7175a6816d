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
            // REGISTER: subcommands are listed here.
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data(("error: " + error.message + "\n").utf8))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // Usage errors: argument-parser's message and usage line, exit 2.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Library errors thrown from `run()` are bad input: exit 1 with their message.
            if !(error is ExitCode) && !(error is CleanExit) {
                FileHandle.standardError.write(Data(("error: \(error)\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}

/// A bad-input failure the CLI reports with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
