import Foundation

// tgcron's robustness run (`make fuzz`, `make fuzz-ci`): seeded mutations of valid inputs into the TL
// decoder, the transport framings, the session and key exchange input paths and the job file parsers.
do {
    let options = try FuzzOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    let runner = FuzzRunner(options: options)
    try FileManager.default.createDirectory(atPath: options.resultsDirectory, withIntermediateDirectories: true)
    if let path = options.replayPath {
        print(try runner.replay(path: path))
    } else {
        let markdown = try runner.run().markdown
        let summaryPath = options.resultsDirectory + "/fuzz.md"
        guard FileManager.default.createFile(atPath: summaryPath, contents: Data(markdown.utf8)) else {
            throw FuzzError.io(path: summaryPath, errno: errno)
        }
        print(markdown, terminator: "")
    }
} catch let error as FuzzError {
    FileHandle.standardError.write(Data("TGCronFuzz: \(error)\n".utf8))
    exit(error.isUsage ? 64 : 1)
} catch {
    FileHandle.standardError.write(Data("TGCronFuzz: \(error)\n".utf8))
    exit(1)
}
