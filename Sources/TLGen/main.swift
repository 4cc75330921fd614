// TLGen: regenerates Sources/TL/Generated from the TL schema files.
// Usage: TLGen <schema dir containing telegram.tl and mtproto.tl> <output dir>
import Foundation
import TLCodegen

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: TLGen <schema-dir> <output-dir>\n".utf8))
    exit(64)
}
do {
    let files = try LayerGeneration.generate(schemaDirectory: URL(fileURLWithPath: arguments[1]))
    try LayerGeneration.write(files, to: URL(fileURLWithPath: arguments[2]))
    print("TLGen: wrote \(files.count) files to \(arguments[2])")
} catch {
    FileHandle.standardError.write(Data("TLGen: \(error)\n".utf8))
    exit(1)
}
