import CGraphviz
import Foundation

/// Owns one Graphviz context (`GVC_t`) and, when the plugins had to be loaded by hand, the
/// plugin libraries and the symbol table handed to Graphviz. Freed in `deinit`.
///
/// Only used while the global Graphviz lock is held (see ``GraphvizRenderer``).
final class GraphvizContext {
    let gvc: OpaquePointer
    /// Where the plugins came from, for messages: "configuration" or a directory.
    let pluginSource: String
    private let builtins: UnsafeMutablePointer<lt_symlist_t>?
    private let builtinCount: Int
    private let libraries: [UnsafeMutableRawPointer]

    private init(
        gvc: OpaquePointer, pluginSource: String,
        builtins: UnsafeMutablePointer<lt_symlist_t>? = nil, builtinCount: Int = 0,
        libraries: [UnsafeMutableRawPointer] = []
    ) {
        self.gvc = gvc
        self.pluginSource = pluginSource
        self.builtins = builtins
        self.builtinCount = builtinCount
        self.libraries = libraries
    }

    deinit {
        gvFreeContext(gvc)
        if let builtins {
            for i in 0..<builtinCount { free(UnsafeMutableRawPointer(mutating: builtins[i].name)) }
            builtins.deinitialize(count: builtinCount + 1)
            builtins.deallocate()
        }
        for handle in libraries { dlclose(handle) }
    }

    /// The plugins ActorGraph needs: SVG (core), the layout engines, and cairo/pango for PNG
    /// and PDF; `gd` is a second PNG renderer.
    static let pluginNames = ["core", "dot_layout", "neato_layout", "pango", "gd"]

    /// A context with working layout plugins.
    ///
    /// First `gvContext()`, which reads Graphviz's plugin configuration (`config6a`, written by
    /// `dot -c` or the package's post-install script). When that finds no `dot` layout (the
    /// configuration is missing: Graphviz would later say "Layout type not recognized"), the
    /// plugin libraries are opened from Graphviz's plugin directory and handed to
    /// `gvContextPlugins` as built-ins, which needs no configuration file.
    /// - Throws: ``GraphvizError`` with code `unavailable` when no plugins can be found.
    static func make() throws(GraphvizError) -> GraphvizContext {
        if let gvc = gvContext() {
            if hasLayout(gvc, "dot") { return GraphvizContext(gvc: gvc, pluginSource: "configuration") }
            gvFreeContext(gvc)
        }
        var tried: [String] = []
        for directory in pluginDirectories() where !tried.contains(directory) {
            tried.append(directory)
            guard let context = fromDirectory(directory) else { continue }
            return context
        }
        throw GraphvizError(
            .unavailable,
            """
            Graphviz's plugins were not found (no configuration and no plugins in \
            \(tried.joined(separator: ", "))); install the Graphviz plugins (Debian: libgraphviz-dev, \
            libgvc6) and run `dot -c` as root, or set GVBINDIR to the plugin directory
            """)
    }

    /// A context with only the core renderers and the `neato_layout` engines, without a text
    /// layout plugin (Graphviz then sizes text from built-in font metrics), or `nil` when the
    /// plugin libraries cannot be found. Used by `ReproducibleLayout`: Graphviz 2.43's `fdp`
    /// varies from run to run when pango is loaded, and never without it.
    static func withoutTextLayout() -> GraphvizContext? {
        var tried: [String] = []
        for directory in pluginDirectories() where !tried.contains(directory) {
            tried.append(directory)
            if let context = fromDirectory(directory, plugins: ["core", "neato_layout"], required: "neato_layout") {
                return context
            }
        }
        return nil
    }

    /// True when `gvc` offers the layout engine `name`.
    private static func hasLayout(_ gvc: OpaquePointer, _ name: String) -> Bool {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, "layout", &count, nil) else { return false }
        defer { free(list) }
        var found = false
        for i in 0..<Int(count) {
            guard let entry = list[i] else { continue }
            if String(cString: entry) == name { found = true }
            free(entry)
        }
        return found
    }

    /// Directories that may hold the plugins: `$GVBINDIR`, `graphviz/` next to the loaded
    /// libgvc, then the usual install locations.
    static func pluginDirectories() -> [String] {
        var directories: [String] = []
        if let env = ProcessInfo.processInfo.environment["GVBINDIR"], !env.isEmpty { directories.append(env) }
        if let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) {
            for line in maps.split(separator: "\n") where line.contains("/libgvc.") {
                guard let slash = line.firstIndex(of: "/") else { continue }
                let path = String(line[slash...])
                directories.append((path as NSString).deletingLastPathComponent + "/graphviz")
                break
            }
        }
        directories += [
            "/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/aarch64-linux-gnu/graphviz",
            "/usr/lib64/graphviz", "/usr/lib/graphviz", "/usr/local/lib/graphviz",
            "/opt/homebrew/lib/graphviz",
        ]
        return directories
    }

    /// A context whose plugins are the libraries `plugins` found in `directory`, or `nil` when
    /// the `required` one is not there.
    private static func fromDirectory(
        _ directory: String, plugins: [String] = pluginNames,
        required: String = "dot_layout"
    ) -> GraphvizContext? {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        var handles: [UnsafeMutableRawPointer] = []
        var symbols: [(String, UnsafeMutableRawPointer)] = []
        for name in plugins {
            let prefix = "libgvplugin_\(name)."
            guard
                let file = files.filter({ $0.hasPrefix(prefix) && ($0.contains(".so") || $0.hasSuffix(".dylib")) })
                    .sorted().first,
                let handle = dlopen(directory + "/" + file, RTLD_NOW | RTLD_LOCAL)
            else { continue }
            let symbol = "gvplugin_\(name)_LTX_library"
            guard let address = dlsym(handle, symbol) else { dlclose(handle); continue }
            handles.append(handle)
            symbols.append((symbol, address))
        }
        guard symbols.contains(where: { $0.0 == "gvplugin_\(required)_LTX_library" }) else {
            for handle in handles { dlclose(handle) }
            return nil
        }
        // A NULL-terminated table, alive as long as the context (Graphviz keeps the pointer).
        let table = UnsafeMutablePointer<lt_symlist_t>.allocate(capacity: symbols.count + 1)
        for (i, (name, address)) in symbols.enumerated() {
            (table + i).initialize(to: lt_symlist_t(name: UnsafePointer(strdup(name)), address: address))
        }
        (table + symbols.count).initialize(to: lt_symlist_t(name: nil, address: nil))
        guard let gvc = gvContextPlugins(table, 0) else {
            for i in 0..<symbols.count { free(UnsafeMutableRawPointer(mutating: table[i].name)) }
            table.deinitialize(count: symbols.count + 1)
            table.deallocate()
            for handle in handles { dlclose(handle) }
            return nil
        }
        return GraphvizContext(
            gvc: gvc, pluginSource: directory, builtins: table,
            builtinCount: symbols.count, libraries: handles)
    }
}
