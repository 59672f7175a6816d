public import ActorGraphCore

/// Reads GraphML as networkx writes it. (Stub: replaced by the GraphML work.)
public enum GraphMLReader {
    public static func read(path: String) throws -> Graph {
        throw InputError(file: path, "GraphML reading is not implemented yet")
    }
}
