import Foundation
import Testing

@testable import ActorGraphIO

#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under the system's temporary directory, removed by `body`'s end.
func withScratchDirectory(_ body: (String) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("safe-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try body(dir)
}

/// The file type bits of `path` (not following a final link).
func fileType(_ path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & S_IFMT
}

/// Safe output (issue 13, finding 3): ``AtomicFile`` replaces only regular files it may write.
@Suite struct SafeOutputTests {
    @Test func neverReplacesAFIFODirectlyOrThroughALink() throws {
        try withScratchDirectory { dir in
            let fifo = dir + "/pipe"
            #expect(mkfifo(fifo, 0o600) == 0)
            let link = dir + "/out.svg"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
            for path in [fifo, link] {
                let error = try #require(throws: FileError.self) { try AtomicFile.write("x", to: path) }
                #expect(error.reason.contains("is a FIFO, not a regular file"), "\(error)")
            }
            #expect(fileType(fifo) == S_IFIFO)
            #expect(fileType(link) == S_IFLNK)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["out.svg", "pipe"])
        }
    }

    @Test func neverReplacesADeviceThroughALink() throws {
        try withScratchDirectory { dir in
            // Only the refusal is checked: the link is never followed to write (nothing touches /dev/null).
            let link = dir + "/x.svg"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
            let error = try #require(throws: FileError.self) { try AtomicFile.write("x", to: link) }
            #expect(error.description == "\(link): error: its link target '/dev/null' is a character device, not a regular file; refusing to replace it")
            #expect(fileType("/dev/null") == S_IFCHR)
        }
    }

    @Test func neverReplacesADirectoryThroughALink() throws {
        try withScratchDirectory { dir in
            try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(atPath: dir + "/out.svg", withDestinationPath: "sub")
            let error = try #require(throws: FileError.self) { try AtomicFile.write("x", to: dir + "/out.svg") }
            #expect(error.reason.contains("is a directory, not a regular file"))
            #expect(fileType(dir + "/sub") == S_IFDIR)
        }
    }

    @Test func aReadOnlyFileIsAnErrorAndStaysAsItWas() throws {
        try withScratchDirectory { dir in
            let path = dir + "/ro.svg"
            try AtomicFile.write("old", to: path)
            #expect(chmod(path, 0o444) == 0)
            let error = try #require(throws: FileError.self) { try AtomicFile.write("new", to: path) }
            #expect(error.reason.hasPrefix("is read-only (mode 444)"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["ro.svg"])
        }
    }

    @Test func aNameTooLongSaysSo() throws {
        try withScratchDirectory { dir in
            let path = dir + "/" + String(repeating: "a", count: 296) + ".svg"
            let error = try #require(throws: FileError.self) { try AtomicFile.write("x", to: path) }
            #expect(error.reason == "the file name is too long (300 bytes; at most 255)")
            // A name near the limit still works: the temporary name is shortened, not the file's.
            let long = dir + "/" + String(repeating: "b", count: 251) + ".svg"
            try AtomicFile.write("y", to: long)
            #expect(try String(contentsOfFile: long, encoding: .utf8) == "y")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).count == 1)
        }
    }

    @Test func aNewFileGetsTheUmaskModeAndAnOldOneKeepsItsMode() throws {
        try withScratchDirectory { dir in
            let mask = umask(0o027)
            defer { umask(mask) }
            try AtomicFile.write("x", to: dir + "/new.txt")
            let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/new.txt")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
            #expect(chmod(dir + "/new.txt", 0o604) == 0)
            try AtomicFile.write("y", to: dir + "/new.txt")
            let again = try FileManager.default.attributesOfItem(atPath: dir + "/new.txt")
            #expect((again[.posixPermissions] as? NSNumber)?.intValue == 0o604)
        }
    }

    /// The kernel's `fs.protected_symlinks` rule; creating a link owned by another user needs root.
    @Test(.enabled(if: geteuid() == 0)) func refusesAnotherUsersLinkInAStickyWorldWritableDirectory() throws {
        try withScratchDirectory { dir in
            let sticky = dir + "/tmp"
            try FileManager.default.createDirectory(atPath: sticky, withIntermediateDirectories: false)
            #expect(chmod(sticky, 0o1777) == 0)
            let victim = dir + "/victim.txt"
            try AtomicFile.write("precious", to: victim)
            let planted = sticky + "/x.svg"
            try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
            #expect(lchown(planted, 4242, 4242) == 0)
            let error = try #require(throws: FileError.self) { try AtomicFile.write("clobbered", to: planted) }
            #expect(error.reason.contains("symbolic link owned by someone else (uid 4242)"))
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
            // The caller's own link there is followed, as the kernel allows.
            #expect(lchown(planted, geteuid(), getegid()) == 0)
            try AtomicFile.write("mine", to: planted)
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "mine")
            #expect(fileType(planted) == S_IFLNK)
        }
    }

    @Test func linksToLinksAreFollowedAndLoopsRefused() throws {
        try withScratchDirectory { dir in
            try FileManager.default.createSymbolicLink(atPath: dir + "/a", withDestinationPath: "b")
            try FileManager.default.createSymbolicLink(atPath: dir + "/b", withDestinationPath: "c.txt")
            try AtomicFile.write("x", to: dir + "/a")
            #expect(try String(contentsOfFile: dir + "/c.txt", encoding: .utf8) == "x")
            #expect(fileType(dir + "/a") == S_IFLNK && fileType(dir + "/b") == S_IFLNK)
            try FileManager.default.createSymbolicLink(atPath: dir + "/loop1", withDestinationPath: "loop2")
            try FileManager.default.createSymbolicLink(atPath: dir + "/loop2", withDestinationPath: "loop1")
            let error = try #require(throws: FileError.self) { try AtomicFile.write("x", to: dir + "/loop1") }
            #expect(error.reason == "too many levels of symbolic links")
        }
    }
}

/// Finding 8: temporary files are tracked while written, so a signal handler can remove them.
@Suite(.serialized) struct InterruptCleanupTests {
    @Test func trackedTemporaryFilesAreRemovedByTheCleanup() throws {
        try withScratchDirectory { dir in
            let temporary = dir + "/.out.svg.123.tmp"
            #expect(FileManager.default.createFile(atPath: temporary, contents: Data("half".utf8)))
            // Untracked files are left alone.
            let other = dir + "/keep.txt"
            #expect(FileManager.default.createFile(atPath: other, contents: nil))
            AtomicFile.whileTracking(temporaryFile: temporary) {
                #expect(AtomicFile.pendingTemporaryFiles.contains(temporary))
                // What the signal handler runs, limited to this test's folder: other suites of
                // this process write through AtomicFile at the same time, and removing their
                // temporary files made their writes fail ("no such file" at the rename).
                let entries = PendingTemporaryFiles.entries(under: dir + "/")
                #expect(entries.nonzeroBitCount == 1)
                PendingTemporaryFiles.removeAll(in: entries)
                #expect(!FileManager.default.fileExists(atPath: temporary))
                #expect(FileManager.default.fileExists(atPath: other))
            }
            #expect(!AtomicFile.pendingTemporaryFiles.contains(temporary))
        }
    }

    @Test func theWriterStopsTrackingItsTemporaryFileWhenDone() throws {
        try withScratchDirectory { dir in
            try AtomicFile.write("x", to: dir + "/out.svg")
            #expect(AtomicFile.pendingTemporaryFiles.filter { $0.hasPrefix(dir) }.isEmpty)
        }
    }

    @Test func moreFilesThanTheTableHoldsAreWrittenButNotTracked() throws {
        var slots: [Int?] = []
        for i in 0..<(PendingTemporaryFiles.capacity + 3) { slots.append(PendingTemporaryFiles.register("/nonexistent/\(i)")) }
        defer { for s in slots { PendingTemporaryFiles.unregister(s) } }
        #expect(slots.compactMap { $0 }.count <= PendingTemporaryFiles.capacity)
        #expect(slots.last! == nil)
    }

    @Test func installsHandlersForInterruptTerminateAndHangup() {
        AtomicFile.installInterruptCleanup()
        for s in AtomicFile.cleanupSignals {
            var current = sigaction()
            #expect(sigaction(s, nil, &current) == 0)
            let handler = unsafeBitCast(current.__sigaction_handler, to: Int.self)
            #expect(handler != 0 && handler != 1, "signal \(s) still has its default or ignored action")
        }
    }
}
