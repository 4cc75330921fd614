import Client
import Jobs
import XCTest

/// `flood_wait_max` has one meaning and one default whether it comes from a settings file or a library caller.
final class FloodWaitMaxDefaultTests: XCTestCase {
    func testSettingsFilesAndTheClientLibraryShareOneDefault() {
        XCTAssertEqual(TelegramClientSettings().floodWaitMax, FloodWaitMiddleware.defaultMaxWait)
        XCTAssertEqual(InvocationPipeline().floodWaitMax, FloodWaitMiddleware.defaultMaxWait)
    }
}
