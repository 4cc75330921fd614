import TL

/// Constructor ids of the service messages a session handles itself
/// (https://core.telegram.org/mtproto/service_messages, /service_messages_about_messages).
enum ServiceConstructor {
    static let messageContainer: UInt32 = 0x73f1f8dc
    static let gzipPacked: UInt32 = MT.GzipPacked.constructorID
    static let rpcResult: UInt32 = 0xf35c6d01
    static let rpcError: UInt32 = 0x2144ca19
    static let msgsAck: UInt32 = 0x62d6b459
    static let badMsgNotification: UInt32 = 0xa7eff811
    static let badServerSalt: UInt32 = 0xedab447b
    static let msgsStateReq: UInt32 = 0xda69fb52
    static let msgsStateInfo: UInt32 = 0x04deb57d
    static let msgsAllInfo: UInt32 = 0x8cc0d131
    static let msgDetailedInfo: UInt32 = 0x276d3ec6
    static let msgNewDetailedInfo: UInt32 = 0x809db6df
    static let msgResendReq: UInt32 = 0x7d861a08
    static let futureSalts: UInt32 = 0xae500895
    static let pong: UInt32 = 0x347773c5
    static let newSessionCreated: UInt32 = 0x9ec20908
    static let destroySessionOk: UInt32 = 0xe22045fc
    static let destroySessionNone: UInt32 = 0x62d350c9
    static let msgCopy: UInt32 = 0xe06046b2
    static let ping: UInt32 = 0x7abe77ec
    static let pingDelayDisconnect: UInt32 = 0xf3427b8c
    static let getFutureSalts: UInt32 = 0xb921bd04
    static let rpcDropAnswer: UInt32 = MT.RpcDropAnswerRequest.constructorID

    /// The constructor id a body starts with, or nil for a body shorter than 4 bytes.
    static func of(_ body: [UInt8]) -> UInt32? {
        guard body.count >= 4 else { return nil }
        return UInt32(body[0]) | UInt32(body[1]) << 8 | UInt32(body[2]) << 16 | UInt32(body[3]) << 24
    }
}
