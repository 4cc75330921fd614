import MTProtoNIO
import TL

/// The bottom of the pipeline: sends calls over one `MTProtoConnection`.
///
/// Every call is wrapped in `invokeWithLayer(initConnection(…))`. Telegram needs that wrapper on the
/// first call of each new session, and the connection may start a new session on its own after a
/// reconnect; wrapping every call costs some 60 bytes and removes that race, so there is no
/// "first call" state to track.
public struct ConnectionInvoker: Invoker {
    /// The connection calls go over.
    public let connection: MTProtoConnection
    /// The identity sent in `initConnection`.
    public let identity: ClientIdentity
    /// How long one call may wait for its answer.
    public let timeout: Duration

    /// Calls over `connection`, each given `timeout`.
    public init(connection: MTProtoConnection, identity: ClientIdentity, timeout: Duration = .seconds(30)) {
        self.connection = connection
        self.identity = identity
        self.timeout = timeout
    }

    /// Sends `function` wrapped in the layer and connection parameters; errors become `ClientError`s.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        let wrapped = Api.InvokeWithLayer(layer: TLLayer.current, query: Api.InitConnection(
            apiId: identity.apiID, deviceModel: identity.deviceModel, systemVersion: identity.systemVersion,
            appVersion: identity.appVersion, systemLangCode: identity.languageCode, langPack: "",
            langCode: identity.languageCode, query: function))
        do {
            return try await connection.invoke(wrapped, timeout: timeout)
        } catch {
            throw ClientError.wrap(error)
        }
    }
}
