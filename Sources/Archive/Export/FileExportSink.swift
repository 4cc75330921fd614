import Foundation

/// Writes an export to a file through a fixed-size buffer, so memory stays constant whatever its length.
public struct FileExportSink: ExportSink {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// A sink that creates (or truncates in place) the file at `path`, mode 0600 when created: exports hold
    /// private messages. The file is opened, never replaced, so a path such as a named pipe keeps working.
    public init(path: String, bufferSize: Int = 1 << 16) throws(ArchiveError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .exportFailed(reason: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        self.init(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), name: path, bufferSize: bufferSize)
    }

    /// A sink writing to an open `handle` (standard output), called `name` in errors.
    public init(handle: FileHandle, name: String, bufferSize: Int = 1 << 16) {
        self.handle = handle
        self.path = name
        self.capacity = bufferSize
        buffer.reserveCapacity(bufferSize)
    }

    /// Appends `text`, writing the buffer out when it is full.
    public mutating func write(_ text: String) throws(ArchiveError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out the buffer.
    public mutating func flush() throws(ArchiveError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .exportFailed(reason: "cannot write \(path): \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    public mutating func close() throws(ArchiveError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw .exportFailed(reason: "cannot close \(path): \(error)")
        }
    }
}
