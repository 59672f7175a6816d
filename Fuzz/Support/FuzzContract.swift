// Shared by every fuzz target (compiled beside each one by scripts/fuzz.sh).
import ActorGraphIO
import Foundation

/// The contract every reader states: for any bytes, a value or an ``InputError`` whose every
/// diagnostic names the input and a line and column (1-based), never a trap, a hang or a leak.
/// A broken contract traps here with the reason, which libFuzzer reports as a crash and saves
/// the input.
enum FuzzContract {
    /// Runs `read`; a value passes, a located ``InputError`` for `file` passes, anything else traps.
    @discardableResult
    static func valueOrLocatedError<T>(file: String, _ read: () throws -> T) -> T? {
        do {
            return try read()
        } catch let error as InputError {
            expectLocated(error, file: file)
        } catch {
            fatalError("contract: \(file): threw \(type(of: error)), not a located InputError: \(error)")
        }
        return nil
    }

    /// Traps unless `error` has diagnostics, each naming `file` (or one of `others`) at line >= 1
    /// and column >= 1 with a message.
    static func expectLocated(_ error: InputError, file: String, or others: Set<String> = []) {
        guard !error.diagnostics.isEmpty else { fatalError("contract: \(file): an InputError without diagnostics") }
        for d in error.diagnostics {
            guard d.file == file || others.contains(d.file), d.line >= 1, d.column >= 1, !d.message.isEmpty else {
                fatalError("contract: \(file): a diagnostic not located in the input: \(d)")
            }
        }
    }

    /// The input as a `Data` (libFuzzer passes a null pointer for the empty input).
    static func data(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let bytes, count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// The input as text when it is valid UTF-8 (a BOM dropped, as ``DatasetReader`` drops it
    /// from files); `nil` otherwise.
    static func text(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> String? {
        guard let bytes, count > 0 else { return "" }
        var buffer = UnsafeBufferPointer(start: bytes, count: count)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer = UnsafeBufferPointer(rebasing: buffer[3...]) }
        return String(validating: buffer, as: UTF8.self)
    }
}
