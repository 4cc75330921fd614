/// One entry of the settings' `accounts:` list: a Telegram account besides the default one. Its secrets come
/// from `.env` under the account's suffix (`TELEGRAM_CLIENT_PHONE_<NAME>`, see `TelegramCredentials`); its
/// session, governor state, warm-up and budgets are its own.
public struct AccountSettings: Hashable, Sendable {
    /// The name of the account every job belongs to unless it names another; its secrets have no suffix.
    public static let defaultName = "default"
    /// The longest account name.
    public static let maxNameLength = 32

    /// The account's name: lowercase letters, digits and `_`.
    public var name: String
    /// Where the entry is in the settings file.
    public var location: SourceLocation

    /// An account named `name`, declared at `location`.
    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    /// Why `name` cannot name an account, or nil if it can.
    public static func problem(withName name: String) -> String? {
        if name == defaultName { return "'\(defaultName)' is the account of jobs that name none: leave it out" }
        guard (1...maxNameLength).contains(name.count) else { return "must have 1 to \(maxNameLength) characters" }
        guard name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            return "may only contain lowercase letters, digits and '_'"
        }
        return nil
    }
}
