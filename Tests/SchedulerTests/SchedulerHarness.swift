import Archive
import Client
import Foundation
import Governance
import Governor
import Harvester
import Jobs
import Sandbox
import SandboxTestSupport
import Scheduler
import TestSupport
import XCTest

/// An archive, the in-process sandbox and a scheduler over them, with jobs read from YAML text.
final class SchedulerHarness {
    static let spec = WorldSpec(
        seed: 91, genesis: Date(timeIntervalSince1970: 1_767_225_600),
        channels: [
            ChannelSpec(username: "small", title: "Small", size: 120, postsPerHour: 4),
            ChannelSpec(username: "large", title: "Large", size: 6_000, postsPerHour: 12),
        ],
        accounts: [AccountSpec(phone: "9996621234", firstName: "Alice")])

    let sandbox: InProcessSandbox
    let directory: TemporaryDirectory
    let store: ArchiveStore
    let scheduler: Scheduler
    let hooks = RecordingHooks()

    /// A harness; with `governor`, every run's calls go through its admission for the run's job.
    init(flood: FloodPolicy = .off, floodWaitMax: Duration = .seconds(300), settings: Settings = Settings(),
         governor: RateGovernor? = nil) async throws {
        sandbox = InProcessSandbox(spec: Self.spec, flood: flood)
        directory = try TemporaryDirectory(prefix: "scheduler")
        store = try ArchiveStore(path: directory.archivePath)
        try await sandbox.logInAlice()
        let sandbox = sandbox
        let environment = SchedulerEnvironment(
            store: store, peerCache: InMemoryPeerCache(), clock: sandbox.clock, planner: JobPlanner(settings: settings),
            hooks: hooks
        ) { job, meter in
            let admission: any AdmissionControl = governor.map {
                GovernedAdmission(governor: $0, job: job, maxWait: .seconds(300), clock: sandbox.clock)
            } ?? UnlimitedAdmission()
            return InvocationPipeline(admission: admission, floodObserver: meter, clock: sandbox.clock,
                                      floodWaitMax: floodWaitMax).wrap(sandbox.terminal())
        }
        scheduler = Scheduler(environment: environment)
    }

    deinit {
        directory.remove()
    }

    var now: Date { Date(timeIntervalSince1970: sandbox.clock.now()) }

    /// The jobs of a job file, failing the test on any validation issue.
    static func jobs(_ yaml: String) throws -> [Job] {
        let report = JobFiles.parse([SourceText(file: "test.yaml", text: yaml)])
        XCTAssertEqual(report.issues.map(\.description), [])
        return try report.get()
    }

    /// Runs what is due now.
    func runDue(_ jobs: [Job]) async throws -> RunReport {
        let due = try scheduler.dueJobs(jobs, now: now)
        return await scheduler.run(due, stop: StopSignal(), jitter: false)
    }

    func channelID(_ username: String) throws -> Int64 {
        try XCTUnwrap(sandbox.world.channel(username: username)).id
    }

    func truthIDs(_ username: String) -> [Int32] {
        sandbox.truth(username).map { Int32($0.messageID) }
    }

    /// Archived ids not marked deleted.
    func liveIDs(_ username: String) throws -> [Int32] {
        let id = try channelID(username)
        return try store.archivedIDs(channel: id, in: 0...Int32.max).filter { try store.message(channel: id, id: $0)?.deletedAt == nil }
    }
}

/// Keeps what the scheduler reported, in order.
actor RecordingHooks: SchedulerHooks {
    private(set) var events: [String] = []

    func runStarted(job: Job, runID: Int64) {
        events.append("start \(job.name)")
    }

    func progressed(job: Job, runID: Int64, tally: HarvestTally, checkpoint: Checkpoint) {
        events.append("page \(job.name)")
    }

    func runFinished(job: Job, outcome: JobOutcome) {
        events.append("end \(job.name)")
    }

    func watched(job: Job, tally: WatchTally) {
        events.append("watched \(job.name) new \(tally.new)")
    }

    func watchFailed(job: Job, error: any Error) {
        events.append("watch failed \(job.name)")
    }

    func watchRoundEnded(archivedChanges: Bool) {
        events.append("round ended \(archivedChanges ? "with" : "without") changes")
    }
}
