public import Foundation

/// Writes files atomically: the bytes go to a temporary file in the same directory, which is
/// flushed and then renamed over the destination. A failure at any point leaves the old file
/// (if any) untouched and no partial file behind.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: ``FileError`` naming the path and the system's reason.
    ///
    /// When `path` is a symbolic link, the file it points to is replaced (the link stays); an
    /// existing file keeps its permissions.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let existingMode = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileError(path: path, reason: "directory '\(directory.path)' does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw FileError(path: path, reason: "cannot create a temporary file in '\(directory.path)'")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try handle.write(contentsOf: data)
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            if let existingMode {
                try FileManager.default.setAttributes([.posixPermissions: existingMode], ofItemAtPath: temporary.path)
            }
            if rename(temporary.path, url.path) != 0 {
                throw FileError(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as FileError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileError(path: path, reason: error.localizedDescription)
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}

/// A file that could not be read or written.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): error: \(reason)" }
}
