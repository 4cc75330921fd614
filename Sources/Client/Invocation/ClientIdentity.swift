/// How the client introduces itself to Telegram in `initConnection` and `auth.sendCode`. Not secret
/// in the sense of an auth key, but `apiHash` is still kept out of logs.
public struct ClientIdentity: Sendable, Equatable {
    /// The app id from my.telegram.org.
    public var apiID: Int32
    /// The app hash from my.telegram.org.
    public var apiHash: String
    /// The device model reported.
    public var deviceModel: String
    /// The OS version reported.
    public var systemVersion: String
    /// The app version reported.
    public var appVersion: String
    /// The language code reported.
    public var languageCode: String

    /// An identity; the defaults describe tgcron on Linux in English.
    public init(
        apiID: Int32, apiHash: String, deviceModel: String = "tgcron", systemVersion: String = "Linux",
        appVersion: String = "1.0", languageCode: String = "en"
    ) {
        self.apiID = apiID
        self.apiHash = apiHash
        self.deviceModel = deviceModel
        self.systemVersion = systemVersion
        self.appVersion = appVersion
        self.languageCode = languageCode
    }
}
