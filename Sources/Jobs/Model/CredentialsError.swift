/// Why the account's secrets could not be read. Messages name the variable, never its value.
public enum CredentialsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A required variable is unset or empty.
    case missing(key: String)
    /// A variable is set to something unusable; the reason does not quote the value.
    case invalid(key: String, reason: String)

    /// A message for the log.
    public var description: String {
        switch self {
        case .missing(let key) where key == TelegramCredentials.Key.apiID:
            "\(key) is not set, nor telegram_client.api_id in the settings"
        case .missing(let key): "\(key) is not set"
        case .invalid(let key, let reason): "\(key) \(reason)"
        }
    }
}
