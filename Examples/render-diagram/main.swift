// render-diagram: draws the relationship diagram of a dataset as SVG and PNG.
//
//     swift run render-diagram [DATASET] [OUTPUT-DIRECTORY]
//
// DATASET defaults to Graphs/korea-japan-2020.yaml, OUTPUT-DIRECTORY to the current directory.
import ActorGraph
import Foundation

let arguments = CommandLine.arguments.dropFirst()
let path = arguments.first ?? "Graphs/korea-japan-2020.yaml"
let outputDirectory = arguments.dropFirst().first ?? "."

do {
    let dataset = try DatasetReader.read(path: path)
    let projection = EventProjection(dataset)
    let diagram = RelationshipDiagram(
        projection: projection,
        options: .init(title: dataset.title ?? (path as NSString).lastPathComponent))
    let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    for format in [GraphvizFormat.svg, .png] {
        let bytes = try diagram.render(format: format, options: .init(dpi: 96))
        let output = (outputDirectory as NSString).appendingPathComponent("\(base).\(format.rawValue)")
        try AtomicFile.write(Data(bytes), to: output)
        print("wrote \(output) (\(bytes.count) bytes)")
    }
} catch {
    FileHandle.standardError.write(Data("render-diagram: \(error)\n".utf8))
    exit(1)
}
