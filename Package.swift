// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tgcron",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tgcron", targets: ["tgcron"]),
        .library(name: "TL", targets: ["TL"]),
        .library(name: "MTProtoCrypto", targets: ["MTProtoCrypto"]),
        .library(name: "MTProtoTransport", targets: ["MTProtoTransport"]),
        .library(name: "MTProto", targets: ["MTProto"]),
        .library(name: "MTProtoNIO", targets: ["MTProtoNIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's mallopt: 1 MiB packet buffers reused from the heap rather than fresh pages (MTProtoNIO).
        .systemLibrary(name: "CMalloc"),
        // sqlite3_config, which Swift cannot call (variadic): SQLite's memory statistics off (Archive).
        .systemLibrary(name: "CSQLiteConfig"),

        // TL: binary runtime plus the generated layer (Sources/TL/Generated, written by `make tl`).
        .target(name: "TLSchema"),
        .target(name: "TL", dependencies: ["TLSchema"]),
        .target(name: "TLCodegen", dependencies: ["TLSchema"]),
        .executableTarget(name: "TLGen", dependencies: ["TLCodegen"]),

        // MTProto crypto primitives over OpenSSL.
        .target(name: "MTProtoCrypto", dependencies: ["COpenSSL"]),
        // MTProto transport framings (abridged, intermediate, padded, full, obfuscated): sans-IO codecs.
        .target(name: "MTProtoTransport", dependencies: ["MTProtoCrypto", "CZlib"]),
        // MTProto sans-IO core: key exchange, encrypted sessions (client and server side).
        .target(name: "MTProto", dependencies: ["TL", "MTProtoCrypto", "CZlib"]),

        // MTProto over SwiftNIO: client connections per DC and the server listener (sockets live only here).
        .target(name: "MTProtoNIO", dependencies: [
            "MTProto", "MTProtoCrypto", "MTProtoTransport", "TL", "CMalloc",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The sandbox DC's logic: synthetic world, ground truth, API semantics, flood policy (no sockets).
        .target(name: "Sandbox", dependencies: [
            "TL", "MTProto", "MTProtoCrypto", "MTProtoNIO",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The archive: SQLite store (GRDB), checkpoints, versions, audit, export.
        .target(name: "Archive", dependencies: [
            "TL", "Timekeeping", "CSQLiteConfig",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The C API, for binding a page's rows without GRDB's per-value conversion (RowBinder).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),

        // Where a PostgreSQL archive is (`archive.url`) and where its password comes from: settings and store share it.
        .target(name: "ArchiveLocation"),
        // The archive on PostgreSQL (PostgresNIO): the storage protocols of Archive over a server database.
        .target(name: "ArchivePostgres", dependencies: [
            "Archive", "ArchiveLocation", "TL",
            // swift-metrics' module `Metrics` would clash with ours: PostgresNIO sees it as `SwiftMetrics`.
            .product(name: "PostgresNIO", package: "postgres-nio", moduleAliases: ["Metrics": "SwiftMetrics"]),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The high-level Telegram client: invocation middleware, peers, history paging, login.
        .target(name: "Client", dependencies: [
            "Governor", "Timekeeping", "TL", "MTProto", "MTProtoCrypto", "MTProtoNIO",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Archive-backed client state: auth keys and session per DC, session strings, peers, audit.
        .target(name: "ClientStore", dependencies: ["Client", "Archive", "MTProto", "MTProtoCrypto"]),
        // The rate governor wired into the client: admission, flood-wait reports, state in the archive.
        .target(name: "Governance", dependencies: ["Timekeeping", "Client", "Governor", "Archive", "Jobs"]),
        // Job execution: the exact incremental head/tail algorithm, refresh, checkpoints.
        .target(name: "Harvester", dependencies: [
            "Timekeeping", "Client", "Archive", "TL",
            // MTProtoCrypto: SHA-256 of downloaded media while they stream in. Jobs: a job's media rule.
            // Governor: a deferral's typed reason; the warm-up's growth, for the daily media byte budget.
            "MTProtoCrypto", "Jobs", "Governor",
            // Logging: a channel followed after a rename is said in the log.
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Operations: Telegram Bot API / webhook notifications over HTTP.
        .target(name: "Notify", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // Operations: new and edited messages published to a Redis Stream (RESP over SwiftNIO).
        .target(name: "RedisSink", dependencies: [
            "Timekeeping", "Archive", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // Operations: Prometheus text file and the daemon's /metrics and /healthz.
        .target(name: "Metrics", dependencies: [
            "Archive", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),

        // Job files (YAML), settings, validation and the cron engine.
        .target(name: "Jobs", dependencies: ["ArchiveLocation", "Timekeeping", .product(name: "Yams", package: "Yams")]),
        // The rate governor: token buckets, AIMD on FLOOD_WAIT, warm-up budgets.
        .target(name: "Governor"),
        // The program's clock: a leaf every layer that reads the time or waits may import.
        .target(name: "Timekeeping"),

        // The scheduler: due jobs, fairness, locks, deferrals, exit codes, daemon loop.
        .target(name: "Scheduler", dependencies: ["Timekeeping", "Harvester", "Client", "Archive", "Jobs"]),

        // The command-line program.
        .executableTarget(
            name: "tgcron",
            dependencies: [
                "Timekeeping", "TL", "Jobs", "Sandbox", "Archive", "Client", "ClientStore", "Harvester", "Scheduler", "Governor",
                "Governance", "Notify", "Metrics", "RedisSink", "MTProtoNIO", "MTProtoTransport", "MTProtoCrypto",
                // `archive copy` into PostgreSQL.
                "ArchivePostgres", "ArchiveLocation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/CLI"
        ),

        // Micro-benchmarks (`make bench`): figures written to bench/results, never asserted in tests.
        .executableTarget(
            name: "TGCronBench", dependencies: ["TL", "MTProtoCrypto", "Sandbox", "Archive", "Client"],
            path: "bench/Sources/TGCronBench"),

        // Robustness runs (`make fuzz`): mutated inputs into the TL decoder, transports and sessions; crashes reported.
        .executableTarget(
            name: "TGCronFuzz", dependencies: ["TL", "TLSchema", "MTProto", "MTProtoTransport", "MTProtoCrypto", "Jobs"],
            path: "bench/Sources/TGCronFuzz"),

        // Helpers shared by the test targets: seeded randomness, the published vectors, hex.
        .target(name: "TestSupport", dependencies: ["MTProtoCrypto"], path: "Tests/TestSupport"),

        .testTarget(name: "TLTests", dependencies: ["TL", "TLSchema", "TLCodegen", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "MTProtoCryptoTests", dependencies: ["MTProtoCrypto", "TestSupport"]),
        .testTarget(name: "MTProtoTransportTests", dependencies: ["MTProtoTransport", "MTProtoCrypto", "TestSupport"]),
        .testTarget(name: "MTProtoTests", dependencies: ["MTProto", "MTProtoCrypto", "TL", "TestSupport"]),
        .testTarget(name: "MTProtoNIOTests", dependencies: [
            "MTProtoNIO", "MTProto", "MTProtoCrypto", "MTProtoTransport", "TL",
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The sandbox DCs over loopback on a simulated clock, for tests of the client and everything above it.
        .target(name: "SandboxTestSupport", dependencies: [
            "Timekeeping", "Client", "Sandbox", "MTProtoNIO", "MTProto", "MTProtoCrypto", "TL",
            .product(name: "Logging", package: "swift-log"),
        ], path: "Tests/SandboxTestSupport"),

        .testTarget(name: "ClientTests", dependencies: [
            "Governor", "Timekeeping", "Client", "Sandbox", "SandboxTestSupport", "MTProto", "MTProtoCrypto", "MTProtoNIO", "TL",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ClientStoreTests", dependencies: ["TestSupport", "ClientStore", "Client", "Archive", "SandboxTestSupport", "MTProto", "TL"]),
        .testTarget(name: "GovernanceTests", dependencies: [
            "TestSupport", "Timekeeping", "Governance", "Governor", "Client", "Archive", "Sandbox", "SandboxTestSupport", "TL", "Jobs", "MTProto", "MTProtoCrypto",
        ]),
        .testTarget(name: "HarvesterTests", dependencies: [
            "TestSupport", "Harvester", "Client", "Archive", "Sandbox", "SandboxTestSupport", "TL", "MTProtoCrypto", "Jobs",
            "MTProto", "MTProtoNIO",
        ]),
        .testTarget(name: "SchedulerTests", dependencies: [
            "TestSupport", "Scheduler", "Harvester", "Client", "Archive", "Jobs", "Governor", "Governance", "Sandbox", "SandboxTestSupport",
            "MTProtoCrypto", "Timekeeping",
        ]),
        .testTarget(name: "OperationsTests", dependencies: [
            "TestSupport", "Notify", "RedisSink", "Metrics", "Archive", "TL",
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .testTarget(name: "SandboxTests", dependencies: [
            "Sandbox", "MTProtoNIO", "MTProto", "MTProtoCrypto", "TL", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ArchiveTests", dependencies: ["TestSupport", "Archive", "TL", .product(name: "GRDB", package: "GRDB.swift")]),
        // The storage suite, written once over the storage protocols, run against SQLite and PostgreSQL.
        .testTarget(name: "ArchiveStorageTests", dependencies: ["TestSupport", "Archive", "ArchivePostgres", "ArchiveLocation", "TL"]),
        .testTarget(name: "JobsTests", dependencies: ["Jobs", "ArchiveLocation"], exclude: ["Corpus"]),
        .testTarget(name: "GovernorTests", dependencies: ["Governor", "TestSupport"]),
        // Runs the built `tgcron` binary as a user would.
        .testTarget(name: "CLITests", dependencies: ["tgcron"]),
    ]
)
