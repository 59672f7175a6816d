public import ActorGraphCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read or written: its ``path`` is the ``location`` and the
/// ``message`` says why in the words users know ("no such file", "permission denied").
///
/// Printed as `PATH: error: REASON`.
public struct FileError: ActorGraphError, Hashable {
    /// What kind of failure, from the system's `errno` where there was one.
    public typealias Code = ErrorCode<FileError>

    public let code: Code
    /// The file's path as given.
    public let path: String
    /// Why it could not be read or written.
    public let message: String

    public init(_ code: Code, path: String, reason: String) {
        self.code = code
        self.path = path
        self.message = reason
    }

    /// A failure of another kind (code `.other`), for callers that have a
    /// reason but no code.
    public init(path: String, reason: String) {
        self.init(.other, path: path, reason: reason)
    }

    /// The failure of a system call that set `errno` to `code`, in the words users know.
    init(path: String, errno code: Int32, prefix: String = "") {
        self.init(Code(errno: code), path: path, reason: prefix + InputFile.reason(code))
    }

    /// The same as ``message``: why the file could not be read or written.
    public var reason: String { message }
    public var location: String? { path }
    public var description: String { report }
}

extension ErrorCode where Domain == FileError {
    /// The file, or a folder on its path, does not exist (`ENOENT`).
    public static var notFound: Self { Self("notFound") }
    /// The file or a folder on its path may not be read or written (`EACCES`, `EPERM`).
    public static var permissionDenied: Self { Self("permissionDenied") }
    /// The path names a directory where a file was expected (`EISDIR`).
    public static var isDirectory: Self { Self("isDirectory") }
    /// A part of the path that should be a directory is not one (`ENOTDIR`).
    public static var notADirectory: Self { Self("notADirectory") }
    /// A socket, or a device or FIFO that gives more than a reader takes.
    public static var notARegularFile: Self { Self("notARegularFile") }
    /// The name or the path is too long (`ENAMETOOLONG`).
    public static var nameTooLong: Self { Self("nameTooLong") }
    /// Too many symbolic links, or a link that must not be followed (`ELOOP`).
    public static var symbolicLinkLoop: Self { Self("symbolicLinkLoop") }
    /// The input is larger than a reader takes from it.
    public static var tooLarge: Self { Self("tooLarge") }
    /// The file or its file system is read-only (`EROFS`).
    public static var readOnly: Self { Self("readOnly") }
    /// Any other failure; ``FileError/message`` has the system's words.
    public static var other: Self { Self("other") }

    /// The code of the system error `errno`.
    public init(errno code: Int32) {
        switch code {
        case ENOENT: self = .notFound
        case EACCES, EPERM: self = .permissionDenied
        case EISDIR: self = .isDirectory
        case ENOTDIR: self = .notADirectory
        case ENAMETOOLONG: self = .nameTooLong
        case ELOOP: self = .symbolicLinkLoop
        case EROFS: self = .readOnly
        default: self = .other
        }
    }
}
