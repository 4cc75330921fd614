import ArgumentParser

/// `tgcron tl`: inspect TL bytes of the layer.
struct TLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tl",
        abstract: "Decode TL bytes to JSON and encode JSON back to TL bytes.",
        subcommands: []
    )
}
