import ActorGraph
import ArgumentParser
import Foundation

/// GDELT event exports as INPUT: `.tsv`, `.zip`, and `.csv`/`.CSV` files whose first line is a
/// tab-separated GDELT row (57, 58 or 61 fields), read with ``GDELTImporter``'s defaults (actors
/// by code, every event counted once) and then treated as a dataset.
enum GDELTInput {
    /// True when `path` is a GDELT export by its extension (or, for `.csv`, its first line).
    static func matches(_ path: String) -> Bool {
        switch (path as NSString).pathExtension.lowercased() {
        case "tsv", "zip": return true
        case "csv": return firstLineIsGDELT(path)
        default: return false
        }
    }

    /// Whether the first line of `path` has 57, 58 or 61 tab-separated fields (reads 64 KiB at most).
    static func firstLineIsGDELT(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 1 << 16) else { return false }
        let line = data.prefix { $0 != 10 }
        let tabs = line.reduce(0) { $0 + ($1 == 9 ? 1 : 0) }
        return GDELTLayout(fieldCount: tabs + 1) != nil
    }

    /// The dataset of the GDELT file at `path`; a summary goes to stderr when rows were rejected,
    /// so no row is dropped silently.
    static func read(_ path: String) throws -> Dataset {
        let (dataset, summary) = try GDELTImporter.importFiles([path])
        if summary.rejectedCount > 0 || summary.duplicates > 0 {
            ActorGraphCLI.printError(
                "note: \(path): " + summary.lines.joined(separator: "; ")
                    + " (see actorgraph import gdelt for the rows)")
        }
        return dataset
    }
}

extension DatasetInput {
    /// Reads a dataset file, or a GDELT export as a dataset.
    static func read(_ path: String) throws -> Dataset {
        GDELTInput.matches(path) ? try GDELTInput.read(path) : try DatasetReader.read(path: path)
    }
}
