import Archive
import Client
import Foundation
import MTProto

/// The client's login state in the archive: the `sessions` row named `name` (home DC, user, DC
/// addresses as JSON, takeout id) and its `auth_keys` rows, one per DC. With a `cipher`, auth keys
/// are encrypted at rest; keys stored before encryption was turned on are still read, and encrypted
/// when next saved.
public struct ArchiveClientStateStore: ClientStateStore {
    /// The session name used unless told otherwise.
    public static let defaultName = "default"

    /// The archive holding the session.
    public let archive: any ArchiveStorage
    /// The session's name (one per account).
    public let name: String
    private let cipher: AuthKeyCipher?

    /// The session `name` in `archive`; auth keys encrypted with `passphrase` when one is given.
    public init(archive: any ArchiveStorage, name: String = ArchiveClientStateStore.defaultName, passphrase: String? = nil) {
        self.archive = archive
        self.name = name
        cipher = passphrase.map { AuthKeyCipher(passphrase: $0) }
    }

    /// The session `name` in `archive`, auth keys encrypted with `cipher` (to choose its iterations).
    public init(archive: any ArchiveStorage, name: String = ArchiveClientStateStore.defaultName, cipher: AuthKeyCipher?) {
        self.archive = archive
        self.name = name
        self.cipher = cipher
    }

    /// The stored session.
    public func session() throws(SessionStoreError) -> StoredSession? {
        guard let record = try archived({ () throws(ArchiveError) in try archive.session(named: name) }) else { return nil }
        var dataCenters: [DataCenterAddress] = []
        if let options = record.dcOptions {
            do {
                dataCenters = try JSONDecoder().decode([DataCenterAddress].self, from: options)
            } catch {
                throw .corrupt("the DC list of session \(name) is not readable")
            }
        }
        return StoredSession(homeDC: Int(record.homeDc), userID: record.userId, dataCenters: dataCenters, takeoutID: record.takeoutId)
    }

    /// Saves `session` as the row `name`.
    public func saveSession(_ session: StoredSession) throws(SessionStoreError) {
        let options: Data
        do {
            options = try JSONEncoder().encode(session.dataCenters)
        } catch {
            throw .corrupt("the DC list cannot be encoded")
        }
        let record = SessionRecord(
            name: name, homeDc: Int32(clamping: session.homeDC), userId: session.userID, dcOptions: options,
            takeoutId: session.takeoutID, updatedAt: Date())
        try archived { () throws(ArchiveError) in try archive.saveSession(record) }
    }

    /// The key of DC `dataCenterID`, decrypted; `.passphraseRequired` or `.wrongPassphrase` if it cannot be.
    public func authKey(forDataCenter dataCenterID: Int) throws(SessionStoreError) -> StoredAuthKey? {
        let dc = Int32(clamping: dataCenterID)
        guard let record = try archived({ () throws(ArchiveError) in try archive.authKey(session: name, dc: dc) }) else { return nil }
        var key = [UInt8](record.authKey)
        if AuthKeyCipher.isEncrypted(key) {
            guard let cipher else { throw .passphraseRequired }
            key = try cipher.decrypt(key)
        }
        let (salt, offset) = Self.decodeSalts(record.salts)
        return StoredAuthKey(authKey: key, salt: salt, timeOffset: offset)
    }

    /// Stores the key of DC `dataCenterID` (encrypted when a passphrase was given).
    public func save(_ key: StoredAuthKey, forDataCenter dataCenterID: Int) throws(SessionStoreError) {
        let dc = Int32(clamping: dataCenterID)
        let stored = try cipher?.encrypt(key.authKey) ?? key.authKey
        let record = AuthKeyRecord(
            session: name, dcId: dc, authKey: Data(stored), salts: Self.encodeSalts(key), updatedAt: Date())
        try archived { () throws(ArchiveError) in try archive.saveAuthKey(record, creatingSessionWithHomeDc: dc) }
    }

    /// Checks before any connection that every stored key opens with the passphrase given (throwing
    /// `.passphraseRequired` or `.wrongPassphrase` if not), and encrypts at once any key still stored in
    /// plaintext when a passphrase is given; returns how many keys it encrypted.
    @discardableResult
    public func verifyKeys() throws(SessionStoreError) -> Int {
        let records = try archived { () throws(ArchiveError) in try archive.authKeys(session: name) }
        var encrypted = 0
        for record in records {
            guard let key = try authKey(forDataCenter: Int(record.dcId)) else { continue }
            if cipher != nil, !AuthKeyCipher.isEncrypted([UInt8](record.authKey)) {
                try save(key, forDataCenter: Int(record.dcId))
                encrypted += 1
            }
        }
        return encrypted
    }

    /// Retires the key of DC `dataCenterID`: it is no longer used but kept in `retired_auth_keys`.
    public func removeAuthKey(forDataCenter dataCenterID: Int) throws(SessionStoreError) {
        let dc = Int32(clamping: dataCenterID)
        try archived { () throws(ArchiveError) in _ = try archive.retireAuthKey(session: name, dc: dc, at: Date()) }
    }

    private func archived<T>(_ body: () throws(ArchiveError) -> T) throws(SessionStoreError) -> T {
        do {
            return try body()
        } catch {
            throw .archive(error)
        }
    }

    /// The salt and time offset as 16 bytes, big-endian.
    private static func encodeSalts(_ key: StoredAuthKey) -> Data {
        var bytes = Data()
        withUnsafeBytes(of: key.salt.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: key.timeOffset.bigEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The salt and time offset stored, or zeros (the server corrects both on the first call).
    private static func decodeSalts(_ data: Data?) -> (Int64, Int64) {
        guard let data, data.count == 16 else { return (0, 0) }
        let bytes = [UInt8](data)
        let salt = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let offset = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (Int64(bitPattern: salt), Int64(bitPattern: offset))
    }
}
