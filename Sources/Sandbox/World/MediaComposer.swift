import Foundation
import TL

/// Draws the photo or document of a synthetic message: sizes, DC, attributes (the bytes come from
/// `FileContent`).
enum MediaComposer {
    /// The DCs files are spread over.
    static let fileDCs = 1...3
    /// The smallest and largest document, in bytes: sizes are log-uniform between them.
    static let documentSizes = 4_096...80 << 20

    /// The media plan of a message of `kind` with file id `id`, drawn from `draw`; nil for text and service.
    static func plan(kind: MessageKind, id: Int64, draw: inout Draw, date: Int32) -> MediaPlan? {
        let accessHash = Int64(bitPattern: draw.next())
        let dc = fileDCs.lowerBound + draw.below(fileDCs.count)
        switch kind {
        case .photo:
            let width = Int32(640 + 160 * draw.below(8))
            let height = Int32(480 + 120 * draw.below(8))
            var sizes = [
                MediaPlan.PhotoSize(type: "m", width: 320, height: 320 * height / width, size: 8_000 + draw.below(20_000), progressiveSizes: []),
                MediaPlan.PhotoSize(type: "x", width: 800, height: 800 * height / width, size: 40_000 + draw.below(160_000), progressiveSizes: []),
            ]
            if draw.chance(0.5) {
                let full = 250_000 + draw.below(2_300_000)
                sizes.append(MediaPlan.PhotoSize(
                    type: "y", width: width, height: height, size: full,
                    progressiveSizes: [full / 8, full / 4, full / 2, full]))
            }
            let stripped = [0x01, UInt8(40), UInt8(30)] + (0..<32).map { _ in UInt8(truncatingIfNeeded: draw.next()) }
            return MediaPlan(id: id, accessHash: accessHash, dc: dc, date: date, content: .photo(sizes: sizes, stripped: stripped))
        case .document:
            let size = logUniform(documentSizes, draw: &draw)
            let (mimeType, attributes, isVideo) = documentKind(size: size, draw: &draw)
            return MediaPlan(
                id: id, accessHash: accessHash, dc: dc, date: date,
                content: .document(mimeType: mimeType, size: size, attributes: attributes, isVideo: isVideo))
        case .text, .service:
            return nil
        }
    }

    /// A mime type and the attributes a real client would attach to a file of that type.
    private static func documentKind(size: Int, draw: inout Draw) -> (String, [Api.DocumentAttribute], Bool) {
        let number = draw.below(10_000)
        switch draw.below(5) {
        case 0, 1:
            let duration = Double(5 + size / 400_000)
            return ("video/mp4", [
                .documentAttributeVideo(.init(supportsStreaming: true, duration: duration, w: 1280, h: 720)),
                .documentAttributeFilename(.init(fileName: "clip_\(number).mp4")),
            ], true)
        case 2:
            let duration = Int32(10 + size / 16_000)
            return ("audio/mpeg", [
                .documentAttributeAudio(.init(duration: duration, title: "Track \(number)", performer: "Sandbox Ensemble")),
                .documentAttributeFilename(.init(fileName: "track_\(number).mp3")),
            ], false)
        case 3:
            return ("application/zip", [.documentAttributeFilename(.init(fileName: "archive_\(number).zip"))], false)
        default:
            return ("application/pdf", [.documentAttributeFilename(.init(fileName: "report_\(number).pdf"))], false)
        }
    }

    /// A draw in `range` whose logarithm is uniform: many small files, a few large ones.
    private static func logUniform(_ range: ClosedRange<Int>, draw: inout Draw) -> Int {
        let low = log(Double(range.lowerBound)), high = log(Double(range.upperBound))
        return min(range.upperBound, Int(exp(low + (high - low) * draw.unit()).rounded()))
    }
}
