import TL

/// Builds photo and document metadata (no file bytes) for synthetic messages.
enum MediaComposer {
    /// A photo with two sizes, or a document (PDF or video), drawn from `draw`.
    static func media(kind: MessageKind, draw: inout Draw, date: Int32) -> Api.MessageMedia? {
        let id = Int64(bitPattern: draw.next() & 0x7FFF_FFFF_FFFF_FFFF)
        let accessHash = Int64(bitPattern: draw.next())
        let reference = (0..<8).map { _ in UInt8(truncatingIfNeeded: draw.next()) }
        switch kind {
        case .photo:
            let width = Int32(640 + 160 * draw.below(8))
            let height = Int32(480 + 120 * draw.below(8))
            let photo = Api.Photo.photo(.init(
                id: id, accessHash: accessHash, fileReference: reference, date: date,
                sizes: [
                    .photoSize(.init(type: "m", w: 320, h: 320 * height / width, size: Int32(8_000 + draw.below(20_000)))),
                    .photoSize(.init(type: "x", w: width, h: height, size: Int32(60_000 + draw.below(400_000)))),
                ],
                dcId: 2))
            return .messageMediaPhoto(.init(photo: photo))
        case .document:
            let isVideo = draw.chance(0.4)
            let attributes: [Api.DocumentAttribute] = isVideo
                ? [.documentAttributeVideo(.init(supportsStreaming: true, duration: Double(5 + draw.below(600)), w: 1280, h: 720)),
                   .documentAttributeFilename(.init(fileName: "clip_\(draw.below(10_000)).mp4"))]
                : [.documentAttributeFilename(.init(fileName: "report_\(draw.below(10_000)).pdf"))]
            let document = Api.Document.document(.init(
                id: id, accessHash: accessHash, fileReference: reference, date: date,
                mimeType: isVideo ? "video/mp4" : "application/pdf",
                size: Int64(10_000 + draw.below(50_000_000)), dcId: 2, attributes: attributes))
            return .messageMediaDocument(.init(video: isVideo, document: document))
        case .text, .service:
            return nil
        }
    }
}
