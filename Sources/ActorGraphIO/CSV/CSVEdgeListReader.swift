public import ActorGraphCore

/// Reads a CSV edge list. (Stub: replaced by the CSV work.)
public enum CSVEdgeListReader {
    public static func read(path: String, directed: Bool = false) throws -> Graph {
        throw InputError(file: path, "CSV reading is not implemented yet")
    }
}
