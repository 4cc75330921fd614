import XCTest
@testable import Jobs

/// `accounts:` in the settings, `account:` in a job, and the check that joins them: every problem at its
/// file:line:column, naming the field.
final class AccountsSettingsTests: XCTestCase {
    private func settings(_ text: String) -> ValidationReport<Settings> {
        SettingsFile.parse(SourceText(file: "settings.yaml", text: text))
    }

    private func jobs(_ text: String) -> ValidationReport<[Job]> {
        JobFiles.parse([SourceText(file: "jobs/a.yaml", text: text)])
    }

    func testAccountsAreReadInOrderAfterTheDefaultOne() throws {
        let parsed = try settings("accounts:\n  - name: alice\n  - bob_2\n").get()
        XCTAssertEqual(parsed.accounts.map(\.name), ["alice", "bob_2"])
        XCTAssertEqual(parsed.accounts.first?.location, SourceLocation(file: "settings.yaml", line: 2, column: 11))
        XCTAssertEqual(parsed.accountNames, ["default", "alice", "bob_2"])
        XCTAssertEqual(try settings("").get().accountNames, ["default"])
    }

    func testBadAccountNamesAreRefusedWhereTheyAre() {
        let report = settings("""
            accounts:
              - name: Alice
              - name: default
              - name: bob
              - name: bob
              - nick: carol
              - name: \(String(repeating: "x", count: 33))
            """)
        XCTAssertEqual(report.issues.map(\.description), [
            "settings.yaml:2:11: 'accounts[0].name' may only contain lowercase letters, digits and '_', got \"Alice\"",
            "settings.yaml:3:11: 'accounts[1].name' 'default' is the account of jobs that name none: leave it out, got \"default\"",
            "settings.yaml:5:11: duplicate account name 'bob' (first declared at line 4)",
            "settings.yaml:6:5: 'accounts[4]' is missing required key 'name'",
            "settings.yaml:6:5: unknown key 'nick' in 'accounts[4]'",
            "settings.yaml:7:11: 'accounts[5].name' must have 1 to 32 characters, got \"\(String(repeating: "x", count: 33))\"",
        ])
        XCTAssertEqual(settings("accounts: alice\n").issues.map(\.description),
                       ["settings.yaml:1:11: 'accounts' must be a list of accounts (each '- name: NAME'), got string \"alice\""])
    }

    func testAJobNamesItsAccountAndTheDefaultIsNone() throws {
        let parsed = try jobs("""
            jobs:
              - name: news
                channel: "@sandbox_news"
                schedule: "@daily"
                account: alice
              - name: big
                channel: "@sandbox_big"
                schedule: "@daily"
              - name: plain
                channel: "@sandbox_big"
                schedule: "@daily"
                account: default
            """).get()
        XCTAssertEqual(parsed.map(\.accountName), ["alice", "default", "default"])
        XCTAssertEqual(parsed.first?.account?.location, SourceLocation(file: "jobs/a.yaml", line: 5, column: 14))
        XCTAssertEqual(jobs("jobs:\n  - name: n\n    channel: \"@sandbox_news\"\n    schedule: \"@daily\"\n    account: \"Bad Name\"\n")
            .issues.map(\.description),
                       ["jobs/a.yaml:5:14: 'account' may only contain lowercase letters, digits and '_', got \"Bad Name\""])
    }

    func testAJobNamingAnUndeclaredAccountIsRefusedAtItsAccountField() throws {
        let declared = try settings("accounts:\n  - name: alice\n").get()
        let parsed = try jobs("""
            jobs:
              - name: news
                channel: "@sandbox_news"
                schedule: "@daily"
                account: alise
              - name: ok
                channel: "@sandbox_news"
                schedule: "@daily"
                account: alice
            """).get()
        XCTAssertEqual(AccountCheck.issues(jobs: parsed, settings: declared).map(\.description), [
            "jobs/a.yaml:5:14: job 'news': 'account' names 'alise', which the settings do not declare (did you mean 'alice'?)",
        ])
        XCTAssertEqual(AccountCheck.issues(jobs: parsed, settings: Settings()).map(\.description).first,
                       "jobs/a.yaml:5:14: job 'news': 'account' names 'alise', which the settings do not declare (the settings declare no 'accounts:')")
    }
}
