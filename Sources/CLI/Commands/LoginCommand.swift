import ArgumentParser
import Client
import Foundation
import Jobs
import Scheduler

/// `tgcron login`: logs the account in (phone → code → 2FA password if set) and keeps the session in the
/// archive. Interactive on a terminal; scripted with `TELEGRAM_CLIENT_PHONE`, `--code` or the code on
/// standard input, and `TELEGRAM_CLIENT_2FA_PASSWORD`.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log the account in and keep the session in the archive.",
        discussion: """
            With --account NAME, the account's own variables are read (TELEGRAM_CLIENT_PHONE_NAME, …). \
            The phone comes from --phone, TELEGRAM_CLIENT_PHONE or a prompt; the code from --code, a prompt on \
            a terminal, or the first line of standard input otherwise; the 2FA password (asked only if the \
            account has one) from TELEGRAM_CLIENT_2FA_PASSWORD or a prompt without echo.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "The account to log in, one of the settings' 'accounts:' (default: the default account).")
    var account: String?

    @Option(name: .long, help: "The account's phone number, international format.")
    var phone: String?

    @Option(name: .long, help: "The login code, if already known (scripts).")
    var code: String?

    @Flag(name: .long, help: "Log in again even if the stored session is logged in.")
    var force = false

    @Flag(name: .long, help: "If another tgcron holds the account lock, wait for it instead of exiting 75.")
    var wait = false

    func run() async throws {
        let context = try AppContext.load(options, command: "login")
        let account = try AccountPass.account(named: account, context: context)
        let status = try await AccountPass.run(context: context, account: account, holder: "tgcron login", wait: wait,
                                               loggingIn: true) { runtime, _ in
            try await logIn(runtime, context: context)
        }
        guard status == .success else { throw ExitCode(status.rawValue) }
    }

    private func logIn(_ runtime: AccountRuntime, context: AppContext) async throws -> ExitStatus {
        if !force, try runtime.sessionStore.session()?.userID != nil,
           case .loggedIn(let user) = try await runtime.client.authorizationState() {
            print("already logged in as \(Self.name(user)) on DC \(user.dc) (use --force to log in again)")
            try loggedIn(runtime)
            return .success
        }
        let phoneNumber = try phone ?? runtime.credentials.phone ?? Prompt.line("Phone number (international format): ")
        let given = code
        let password = runtime.credentials.twoFactorPassword
        do {
            let user = try await runtime.client.logIn(
                phone: phoneNumber,
                code: { try given ?? Prompt.line("Login code: ") },
                password: { try password ?? Prompt.secret("2FA password: ") })
            print("logged in as \(Self.name(user)) on DC \(user.dc)")
            try loggedIn(runtime)
            return .success
        } catch ClientError.floodDeferred(let seconds, _) {
            context.logger.warning("Telegram asks to wait \(seconds) s before another login attempt; exiting 75")
            return .deferred
        } catch let error as ClientError {
            throw CLIFailure("login failed: \(error)")
        } catch let error as PromptError {
            throw CLIFailure("login failed: \(error)")
        }
    }

    /// Clears a recorded need for a login (a retired key, a ban) now that one succeeded.
    private func loggedIn(_ runtime: AccountRuntime) throws {
        do {
            try runtime.store.clearLoginNeeded(session: runtime.sessionStore.name)
        } catch {
            throw CLIFailure(error)
        }
    }

    private static func name(_ user: LoggedInUser) -> String {
        "\(user.firstName ?? "user") (id \(user.userID))"
    }
}
