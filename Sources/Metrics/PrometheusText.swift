import Archive
import Foundation

/// Renders a snapshot in the Prometheus text exposition format (version 0.0.4): one HELP and TYPE line per
/// metric family, then its samples labelled by job.
///
/// FLOOD_WAIT seconds are not exported: runs record how many flood waits happened, not how long they were.
public enum PrometheusText {
    /// The `Content-Type` of the format, for HTTP.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The snapshot as exposition text, ending with a newline.
    public static func render(_ snapshot: MetricsSnapshot) -> String {
        func counter(_ name: String, _ help: String, _ value: (JobRunTotals) -> Int) -> MetricFamily {
            MetricFamily(name: name, help: help, type: "counter",
                         samples: snapshot.jobs.map { Sample(labels: [("job", $0.job)], value: String(value($0))) })
        }
        var families: [MetricFamily] = [
            counter("tgcron_runs_total", "Finished runs of the job.") { $0.runs },
            counter("tgcron_messages_archived_total", "Messages archived for the first time.") { $0.messagesNew },
            counter("tgcron_messages_updated_total", "Archived messages whose row changed (edits, counters, deletions).") {
                $0.messagesUpdated
            },
            counter("tgcron_requests_total", "Telegram API requests made.") { $0.requests },
            counter("tgcron_flood_waits_total", "FLOOD_WAIT answers received.") { $0.floodWaits },
            counter("tgcron_deferrals_total", "Runs the rate governor deferred.") { $0.deferrals },
            counter("tgcron_run_failures_total", "Runs that failed.") { $0.failures },
        ]
        var lastSuccess = MetricFamily(name: "tgcron_last_success_timestamp_seconds",
                                       help: "Unix time the job's last successful run ended.", type: "gauge")
        var lastStatus = MetricFamily(name: "tgcron_last_run_status",
                                      help: "How the job's latest run ended: 1 for its status, 0 for the others.",
                                      type: "gauge")
        for job in snapshot.jobs {
            if let date = job.lastSuccess {
                lastSuccess.samples.append(Sample(labels: [("job", job.job)], value: seconds(date)))
            }
            guard let status = job.lastStatus else { continue }
            for candidate in [RunStatus.succeeded, .deferred, .failed, .interrupted] {
                lastStatus.samples.append(Sample(labels: [("job", job.job), ("status", candidate.rawValue)],
                                                 value: candidate == status ? "1" : "0"))
            }
        }
        var duration = MetricFamily(name: "tgcron_last_run_duration_seconds",
                                    help: "How long the job's latest finished run took.", type: "gauge")
        for job in snapshot.jobs {
            if let seconds = job.lastRunSeconds {
                duration.samples.append(Sample(labels: [("job", job.job)], value: String(format: "%.3f", seconds)))
            }
        }
        var newest = MetricFamily(name: "tgcron_channel_newest_message_timestamp_seconds",
                                  help: "Unix send time of the channel's newest archived message.", type: "gauge")
        var channelSuccess = MetricFamily(name: "tgcron_channel_last_success_timestamp_seconds",
                                          help: "Unix time the latest successful run on the channel ended.", type: "gauge")
        for channel in snapshot.channels {
            let labels = [("channel", channel.name), ("channel_id", String(channel.channelID))]
            if let date = channel.newestMessage { newest.samples.append(Sample(labels: labels, value: seconds(date))) }
            if let date = channel.lastSuccess { channelSuccess.samples.append(Sample(labels: labels, value: seconds(date))) }
        }
        families += [lastSuccess, lastStatus, duration, newest, channelSuccess]
        families += mediaFamilies(snapshot.media)
        families.append(MetricFamily(
            name: "tgcron_build_info", help: "The tgcron build serving these metrics (always 1).", type: "gauge",
            samples: [Sample(labels: [("version", snapshot.version)], value: "1")]))
        families.append(MetricFamily(
            name: "tgcron_account_login_needed", help: "1 while Telegram refuses the account until a new login, else 0.",
            type: "gauge", samples: [Sample(labels: [], value: snapshot.loginNeeded ? "1" : "0")]))
        families.append(MetricFamily(
            name: "tgcron_metrics_collected_timestamp_seconds", help: "Unix time these metrics were read from the archive.",
            type: "gauge", samples: [Sample(labels: [], value: seconds(snapshot.collectedAt))]))
        return families.map(\.text).joined()
    }

    /// Media files and bytes per channel and ledger status (`pending`, `partial`, `done`, `skipped`, `failed`).
    private static func mediaFamilies(_ rows: [MediaSummaryRow]) -> [MetricFamily] {
        var files = MetricFamily(name: "tgcron_media_files", help: "Media ledger rows of the channel in the status.", type: "gauge")
        var bytes = MetricFamily(name: "tgcron_media_bytes",
                                 help: "Bytes stored for the channel's media in the status (whole files when done).", type: "gauge")
        for row in rows {
            let labels = [("channel", row.username.map { "@" + $0 } ?? String(row.channelID)),
                          ("channel_id", String(row.channelID)), ("status", row.status.rawValue)]
            files.samples.append(Sample(labels: labels, value: String(row.files)))
            bytes.samples.append(Sample(labels: labels, value: String(row.bytesStored)))
        }
        return [files, bytes]
    }

    /// `value` escaped for a label: backslash, double quote and newline.
    static func escapeLabel(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func seconds(_ date: Date) -> String {
        String(format: "%.3f", date.timeIntervalSince1970)
    }

    private struct Sample {
        var labels: [(String, String)]
        var value: String
    }

    private struct MetricFamily {
        var name: String
        var help: String
        var type: String
        var samples: [Sample] = []

        var text: String {
            var lines = "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples {
                let labels = sample.labels.map { "\($0.0)=\"\(escapeLabel($0.1))\"" }.joined(separator: ",")
                lines += labels.isEmpty ? "\(name) \(sample.value)\n" : "\(name){\(labels)} \(sample.value)\n"
            }
            return lines
        }
    }
}
