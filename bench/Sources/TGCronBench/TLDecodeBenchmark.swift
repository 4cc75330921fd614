import TL

/// Decoding throughput of a 100-message `messages.channelMessages` page.
enum TLDecodeBenchmark {
    static func run() throws -> String {
        let bytes = SampleChannelPage.make(messages: 100).serialized()
        let pagesPerRun = 200
        var decodedMessages = 0
        let seconds = try medianSeconds {
            for _ in 0..<pagesPerRun {
                if case .channelMessages(let page) = try Api.Messages.Messages(bytes: bytes) {
                    decodedMessages &+= page.messages.count
                }
            }
        }
        let perSecond = Double(pagesPerRun * 100) / seconds
        let encodeSeconds = medianSeconds {
            for _ in 0..<pagesPerRun { _ = SampleChannelPage.make(messages: 100).serialized() }
        }
        return """
            | TL decode, messages.channelMessages (100 msgs, \(bytes.count) bytes/page) | \(grouped(perSecond)) messages/s |
            | TL build + encode, same page | \(grouped(Double(pagesPerRun * 100) / encodeSeconds)) messages/s |
            """
    }
}
