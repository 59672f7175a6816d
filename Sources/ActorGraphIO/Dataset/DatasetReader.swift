public import ActorGraphCore

/// Reads and validates dataset files (YAML or JSON). (Stub: being written.)
public enum DatasetReader {
    /// Reads the dataset at `path`, reporting every problem at once.
    /// - Throws: ``InputError`` with one ``Diagnostic`` per problem.
    public static func read(path: String) throws -> Dataset {
        throw InputError(file: path, "dataset reading is not implemented yet")
    }
}
