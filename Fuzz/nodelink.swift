// libFuzzer target: the node-link JSON reader.
import ActorGraphIO

/// One input: any bytes read as node-link JSON named `fuzz.json` must give a graph or a located
/// ``InputError``; ``NodeLinkReader/isNodeLink(_:)`` (how `.json` inputs are told apart) must
/// answer without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNodeLink(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzContract.data(bytes, count)
    _ = NodeLinkReader.isNodeLink(data)
    FuzzContract.valueOrLocatedError(file: "fuzz.json") { try NodeLinkReader.read(data: data, name: "fuzz.json") }
    return 0
}
