/// An error the CLI reports as one clear line (`Error: …`) without the usage text, exiting non-zero.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
