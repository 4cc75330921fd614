import MTProto
import TL

/// The bottom of a client's pipeline: sends each call to the home DC, and re-sends a call the server
/// migrates (`FILE_MIGRATE_X`, `NETWORK_MIGRATE_X`, `STATS_MIGRATE_X`) to DC X once. The home DC
/// stays what it is: those migrations are per request. (`PHONE_MIGRATE_X` and `USER_MIGRATE_X` move
/// the account and are handled by login.)
public struct DataCenterRouter: Invoker {
    /// The DC calls go to first.
    public let homeDC: @Sendable () async throws -> Int
    /// The invoker of one DC's connection.
    public let connect: @Sendable (Int) async throws -> any Invoker

    /// A router asking `homeDC` where calls go and `connect` for each DC's invoker.
    public init(homeDC: @escaping @Sendable () async throws -> Int, connect: @escaping @Sendable (Int) async throws -> any Invoker) {
        self.homeDC = homeDC
        self.connect = connect
    }

    /// Whether `error` moves only this request to another DC.
    public static func isRequestMigration(_ error: RPCError) -> Bool {
        [RPCErrorName.fileMigrateX, .networkMigrateX, .statsMigrateX].contains(error.name)
    }

    /// Calls `function` on the home DC, or where the server sends it.
    public func invoke<Function: TLFunction>(_ function: Function) async throws -> Function.Result {
        let home = try await homeDC()
        do {
            return try await connect(home).invoke(function)
        } catch ClientError.rpc(let error) where Self.isRequestMigration(error) && error.migrateToDC != nil && error.migrateToDC != home {
            return try await connect(error.migrateToDC ?? home).invoke(function)
        }
    }
}
