import MTProto

extension SessionString {
    /// The login held by `store`: its home DC, user and every DC with both a known address and a key.
    /// Throws `ClientError.loginRequired` if the store holds no logged-in session.
    public static func export(from store: any ClientStateStore) async throws -> SessionString {
        guard let session = try await store.session(), let userID = session.userID else { throw ClientError.loginRequired }
        var dataCenters: [DataCenter] = []
        for address in session.dataCenters {
            guard let key = try await store.authKey(forDataCenter: address.dc) else { continue }
            dataCenters.append(DataCenter(address: address, authKey: key.authKey))
        }
        guard dataCenters.contains(where: { $0.address.dc == session.homeDC }) else { throw ClientError.loginRequired }
        return SessionString(homeDC: session.homeDC, userID: userID, dataCenters: dataCenters)
    }

    /// Writes this login into `store`: the session (addresses, home DC, user; no takeout) and the keys.
    /// Salts start at 0: the server sends the current one with the first call.
    public func importInto(_ store: any ClientStateStore) async throws {
        try await store.saveSession(StoredSession(homeDC: homeDC, userID: userID, dataCenters: dataCenters.map(\.address)))
        for entry in dataCenters {
            try await store.save(StoredAuthKey(authKey: entry.authKey, salt: 0, timeOffset: 0), forDataCenter: entry.address.dc)
        }
    }
}
