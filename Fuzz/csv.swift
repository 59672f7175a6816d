// libFuzzer target: the CSV edge-list reader, alone and with a nodes file.
import ActorGraphIO
import Foundation

/// One input: bytes up to the first NUL are an edge list named `fuzz.csv`; with no NUL the edge
/// list is read alone (``CSVEdgeListReader``), else the bytes after it are its nodes file
/// `fuzz.nodes.csv` (``CSVGraphReader``). An odd input length reads the graph directed. Each
/// must give a graph or a located ``InputError`` naming one of the two files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzContract.data(bytes, count)
    let directed = count % 2 == 1
    guard let nul = data.firstIndex(of: 0) else {
        FuzzContract.valueOrLocatedError(file: "fuzz.csv") { try CSVEdgeListReader.read(data: data, name: "fuzz.csv", directed: directed) }
        return 0
    }
    let edges = data[..<nul], nodes = data[(nul + 1)...]
    do {
        _ = try CSVGraphReader.read(
            edges: Data(edges), nodes: Data(nodes), directed: directed,
            edgesName: "fuzz.csv", nodesName: "fuzz.nodes.csv")
    } catch let error as InputError {
        FuzzContract.expectLocated(error, file: "fuzz.csv", or: ["fuzz.nodes.csv"])
    } catch {
        fatalError("contract: fuzz.csv + fuzz.nodes.csv: threw \(type(of: error)), not a located InputError: \(error)")
    }
    return 0
}
