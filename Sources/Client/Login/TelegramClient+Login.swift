import Logging

extension TelegramClient {
    /// Logs `phone` in through `LoginFlow`, starting at the session's home DC and following
    /// `PHONE_MIGRATE_X`/`USER_MIGRATE_X`; saves the account's DC as the new home and the user id, and
    /// refreshes the DC list. Any flood wait on the way is `.floodDeferred` (never slept: a login is
    /// interactive). Throws `.phoneCodeInvalid`, `.passwordHashInvalid`, `.phoneNumberBanned` or other
    /// `ClientError`s; the phone, code and password are never logged.
    @discardableResult
    public func logIn(
        phone: String, code: @escaping @Sendable () async throws -> String, password: @escaping @Sendable () async throws -> String
    ) async throws -> LoggedInUser {
        let pipeline = pipeline(
            admission: UnlimitedAdmission(), audit: configuration.audit, floodObserver: configuration.floodObserver, floodWaitMax: .zero)
        let flow = LoginFlow(identity: configuration.identity) { dc in
            pipeline.wrap(try await self.connectionInvoker(dc: dc))
        }
        let start = try await homeDC()
        let user = try await flow.logIn(phone: phone, dc: start, code: code, password: password)
        try await update {
            $0.homeDC = user.dc
            $0.userID = user.userID
            $0.takeoutID = nil
        }
        try await fetchConfig()
        logger.info("logged in", metadata: ["dc": "\(user.dc)"])
        return user
    }
}
