import ArgumentParser
import Client
import ClientStore
import Foundation

/// `tgcron session export|import`: moves a login between machines as one portable string.
struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Export or import the account's session as a portable string.",
        subcommands: [SessionExportCommand.self, SessionImportCommand.self])
}

/// `tgcron session export`.
struct SessionExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the session string (a secret: whoever has it is logged in as the account).")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let context = try AppContext.load(options, command: "session")
        let store = try context.openArchiveReadOnly()
        let passphrase = context.environment[AccountRuntime.passphraseKey].flatMap { $0.isEmpty ? nil : $0 }
        do {
            print(try await SessionTransfer.export(from: ArchiveClientStateStore(archive: store, passphrase: passphrase)))
        } catch {
            throw CLIFailure("session export: \(error)")
        }
    }
}

/// `tgcron session import`.
struct SessionImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store a session string in the archive (from the argument or standard input).")

    @OptionGroup var options: ConfigOptions

    @Argument(help: "The session string; omit or give - to read it from standard input (keeps it out of shell history).")
    var session: String = "-"

    @Flag(name: .long, help: "Replace a session the archive already holds.")
    var force = false

    func run() async throws {
        let context = try AppContext.load(options, command: "session")
        let text = (session == "-" ? (readLine(strippingNewline: true) ?? "") : session)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try SessionString(text)
        } catch {
            throw CLIFailure("session import: \(error)")
        }
        let store = try context.openArchive()
        let passphrase = context.environment[AccountRuntime.passphraseKey].flatMap { $0.isEmpty ? nil : $0 }
        let sessionStore = ArchiveClientStateStore(archive: store, passphrase: passphrase)
        do {
            if !force, try sessionStore.session() != nil {
                throw CLIFailure("the archive already holds a session; add --force to replace it")
            }
            try await SessionTransfer.importSession(text, into: sessionStore)
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure("session import: \(error)")
        }
        print("session imported into \(context.databasePath)")
    }
}
