#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `validate --check-quotes --quotes-root DIR` may read source files: inside `DIR`, after
/// every symbolic link on the way is followed (`realpath(3)`), so neither `../` nor a link planted
/// in the folder reaches a file outside it.
enum QuoteSourceBounds {
    /// The canonical absolute path of an existing `path`, or `nil` when it does not exist.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` resolves to a file inside the resolved directory `root`. A path that does not
    /// exist is judged by its parent folder (resolved) and its last name, so a missing file inside
    /// the root is reported as missing, and a missing file outside it as outside.
    static func contains(root: String, path: String) -> Bool {
        let candidate: String
        if let resolved = resolve(path) {
            candidate = resolved
        } else {
            let slash = path.lastIndex(of: "/")
            let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            guard name != "..", name != ".", let folder = resolve(parent) else { return false }
            candidate = (folder == "/" ? "" : folder) + "/" + name
        }
        return root == "/" || candidate.hasPrefix(root + "/")
    }
}
