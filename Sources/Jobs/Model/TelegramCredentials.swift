/// An account's secrets, read from the environment (`config/.env` merged under the process
/// environment). A named account's come from the same variables with `_<NAME>` appended (the name in upper
/// case: `TELEGRAM_CLIENT_PHONE_ALICE`); its API id and hash fall back to the unsuffixed ones, which accounts
/// may share. Printing it never shows a secret.
public struct TelegramCredentials: Hashable, Sendable, CustomStringConvertible {
    /// The environment variables read, by role.
    public enum Key {
        /// The API app id.
        public static let apiID = "TELEGRAM_CLIENT_API_ID"
        /// The API app hash.
        public static let apiHash = "TELEGRAM_CLIENT_API_HASH"
        /// The account's phone number, for the first login.
        public static let phone = "TELEGRAM_CLIENT_PHONE"
        /// The two-step verification password, if the account has one.
        public static let twoFactorPassword = "TELEGRAM_CLIENT_2FA_PASSWORD"
        /// An exported session, to skip the login.
        public static let sessionString = "TELEGRAM_CLIENT_SESSION_STRING"
    }

    /// The account these are the secrets of.
    public let account: String
    /// The API app id.
    public let apiID: Int32
    /// The API app hash.
    public let apiHash: String
    /// The phone number, if set.
    public let phone: String?
    /// The two-step verification password, if set.
    public let twoFactorPassword: String?
    /// An exported session string, if set.
    public let sessionString: String?

    /// Which values are present, never the values themselves.
    public var description: String {
        let optional = [("phone", phone), ("2fa_password", twoFactorPassword), ("session_string", sessionString)]
            .map { "\($0.0): \($0.1 == nil ? "unset" : "set")" }
        return "TelegramCredentials(account: \(account), api_id: \(apiID), api_hash: set, \(optional.joined(separator: ", ")))"
    }

    /// The variable holding `key`'s value for `account`: `key` itself for the default account, `key_NAME`
    /// for a named one.
    public static func variable(_ key: String, account: String) -> String {
        account == AccountSettings.defaultName ? key : "\(key)_\(account.uppercased())"
    }

    /// Reads `account`'s secrets from `environment`. The API id comes from `TELEGRAM_CLIENT_API_ID[_NAME]` if
    /// set, otherwise from `settingsAPIID` (`telegram_client.api_id`). Empty values count as unset.
    public init(environment: [String: String], settingsAPIID: Int32? = nil,
                account: String = AccountSettings.defaultName) throws(CredentialsError) {
        func value(_ key: String) -> String? {
            environment[Self.variable(key, account: account)].flatMap { $0.isEmpty ? nil : $0 }
        }
        // The account's own value, else the shared one (API id and hash only).
        func shared(_ key: String) -> (name: String, value: String)? {
            let own = Self.variable(key, account: account)
            if let text = value(key) { return (own, text) }
            return environment[key].flatMap { $0.isEmpty ? nil : (key, $0) }
        }
        self.account = account
        if let (key, text) = shared(Key.apiID) {
            guard let id = Int32(text), id > 0 else { throw .invalid(key: key, reason: "must be a positive integer") }
            apiID = id
        } else if let settingsAPIID {
            apiID = settingsAPIID
        } else {
            throw .missing(key: Key.apiID)
        }
        guard let (hashKey, hash) = shared(Key.apiHash) else { throw .missing(key: Key.apiHash) }
        guard hash.count == 32, hash.allSatisfy(\.isHexDigit) else {
            throw .invalid(key: hashKey, reason: "must be 32 hexadecimal characters")
        }
        apiHash = hash
        phone = value(Key.phone)
        twoFactorPassword = value(Key.twoFactorPassword)
        sessionString = value(Key.sessionString)
    }
}
