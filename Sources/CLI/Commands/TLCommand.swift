import ArgumentParser
import Foundation
import TL

/// `tgcron tl`: inspect TL bytes of the layer.
struct TLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tl",
        abstract: "Decode TL bytes of layer \(TLLayer.current) to JSON, and encode JSON back to TL bytes.",
        discussion: """
            Objects carry their constructor or function name in "_" and their fields by TL name. \
            bytes, int128 and int256 are hex strings; flags words are implied by the optionals present.
            """,
        subcommands: [TLDecodeCommand.self, TLEncodeCommand.self]
    )
}

/// `tgcron tl decode`: TL bytes (hex) → JSON.
struct TLDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print a boxed TL object or function as JSON.",
        discussion: "Reads hex from standard input (whitespace ignored), or raw bytes with --file."
    )

    @Option(name: .long, help: "Read raw TL bytes from this file instead of hex on standard input.")
    var file: String?

    @Flag(name: .long, help: "Print compact JSON on one line.")
    var compact = false

    func run() throws {
        let bytes: [UInt8]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIFailure("cannot read \(file)")
            }
            bytes = Array(data)
        } else {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            guard let decoded = TLHex.decode(text) else {
                throw CLIFailure("standard input is not hex (expected pairs of 0-9a-f)")
            }
            bytes = decoded
        }
        do {
            print(try TLJSONCodec().decode(bytes).text(pretty: !compact))
        } catch {
            throw CLIFailure("cannot decode \(bytes.count) bytes: \(error)")
        }
    }
}

/// `tgcron tl encode`: JSON → TL bytes (hex).
struct TLEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode JSON (as printed by `tl decode`) back to TL bytes, printed as hex.",
        discussion: "Reads JSON from standard input, or from --file."
    )

    @Option(name: .long, help: "Read the JSON from this file instead of standard input.")
    var file: String?

    @Option(name: .long, help: "Write raw bytes to this file instead of printing hex.")
    var out: String?

    func run() throws {
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CLIFailure("cannot read \(file)")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let bytes: [UInt8]
        do {
            bytes = try TLJSONCodec().encode(json: String(decoding: data, as: UTF8.self))
        } catch {
            throw CLIFailure("\(file ?? "stdin"): \(error)")
        }
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(bytes)) else {
                throw CLIFailure("cannot write \(out)")
            }
        } else {
            print(TLHex.encode(bytes))
        }
    }
}
