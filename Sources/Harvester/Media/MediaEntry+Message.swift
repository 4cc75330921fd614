import Archive
import Client
import Foundation
import Jobs
import TL

extension MediaEntry {
    /// The ledger row for the file `message` carries (a photo's largest size, or the document), skipped
    /// with a reason when `filter` refuses it; nil for a message without a downloadable file.
    init?(message: Api.Message, channel: Int64, filter: MediaRule, now: Date) {
        guard case .message(let value) = message, let media = value.media,
              let location = FileLocation(media: media) else { return nil }
        var facts = MediaFacts()
        switch media {
        case .messageMediaPhoto(let photo):
            guard case .photo(let value)? = photo.photo else { return nil }
            facts = MediaFacts(photo: value, location: location)
        case .messageMediaDocument(let document):
            guard case .document(let value)? = document.document else { return nil }
            facts = MediaFacts(document: value)
        default:
            return nil
        }
        self.init(
            channelId: channel, messageId: value.id, fileId: facts.fileID, kind: facts.kind.rawValue, dc: location.dc,
            size: location.size, mimeType: facts.mimeType, fileName: facts.fileName, width: facts.width,
            height: facts.height, duration: facts.duration, location: Data(location.input.serialized()),
            skipReason: filter.skipReason(type: facts.kind, size: location.size, mimeType: facts.mimeType), queuedAt: now)
    }

    /// The location to fetch the file with, from the stored TL (nil if it no longer decodes).
    var fileLocation: FileLocation? {
        guard let input = try? Api.InputFileLocation(bytes: [UInt8](location)) else { return nil }
        return FileLocation(input: input, dc: dc, size: size)
    }
}

/// What the ledger records of a photo or document besides its location.
private struct MediaFacts {
    var fileID: Int64 = 0
    var kind = MediaType.document
    var mimeType: String?
    var fileName: String?
    var width: Int?
    var height: Int?
    var duration: Double?

    init() {}

    /// A photo: JPEG, with the dimensions of the size `location` fetches.
    init(photo: Api.Photo.Photo, location: FileLocation) {
        fileID = photo.id
        kind = .photo
        mimeType = "image/jpeg"
        guard case .inputPhotoFileLocation(let input) = location.input else { return }
        for size in photo.sizes {
            switch size {
            case .photoSize(let plain) where plain.type == input.thumbSize:
                (width, height) = (Int(plain.w), Int(plain.h))
            case .photoSizeProgressive(let progressive) where progressive.type == input.thumbSize:
                (width, height) = (Int(progressive.w), Int(progressive.h))
            default: continue
            }
        }
    }

    /// A document: its kind, MIME type, file name, dimensions and duration from its attributes.
    init(document: Api.Document.Document) {
        fileID = document.id
        kind = MediaType.of(document)
        mimeType = document.mimeType
        for attribute in document.attributes {
            switch attribute {
            case .documentAttributeFilename(let name): fileName = name.fileName
            case .documentAttributeVideo(let video):
                (width, height, duration) = (Int(video.w), Int(video.h), video.duration)
            case .documentAttributeImageSize(let image): (width, height) = (Int(image.w), Int(image.h))
            case .documentAttributeAudio(let audio): duration = Double(audio.duration)
            default: continue
            }
        }
    }
}
