import ArgumentParser
import Foundation
import Sandbox

/// The options that pick a sandbox's world, shared by `serve` and `truth` so both derive the same one.
struct SandboxWorldOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (RSA key, sandbox.json).")
    var data: String

    @Option(name: .long, help: "Seed for the world (default: the world file's, or the running sandbox's).")
    var seed: UInt64?

    @Option(name: .long, help: "A YAML or JSON world file (default: the built-in world).")
    var world: String?

    /// The data directory as a URL.
    var dataDirectory: URL { URL(fileURLWithPath: data, isDirectory: true) }

    /// The world described by `--world` (else the built-in one) with `--seed` applied. Without `--world`,
    /// a running sandbox's `manifest` supplies the world file and seed, so `truth` matches what it serves.
    func spec(running manifest: SandboxManifest? = nil) throws -> (spec: WorldSpec, file: String?) {
        let file = world ?? manifest?.worldFile
        var spec = WorldSpec.builtIn
        if let file {
            do {
                spec = try WorldSpec.load(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CLIFailure(error.description)
            }
        }
        if let chosen = seed ?? (world == nil ? manifest?.seed : nil) { spec.seed = chosen }
        return (spec, file.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
    }
}
