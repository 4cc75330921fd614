import Archive
import Client
import Foundation

extension ChannelHarvest {
    /// Bytes one step downloads at most before it yields to the other runs (then resumes there), so a
    /// large video never holds up the nightly text runs.
    public static let mediaSliceBytes: Int64 = 16 << 20

    /// One step of the media phase: the next queued file of the channel (or the next slice of it),
    /// within the day's byte budget; a file that fails is retried later and given up after
    /// `maxAttempts`, waits (flood, governor, stop) defer the run with the watermark committed.
    mutating func downloadMedia() async -> HarvestStep {
        guard let peer, let media = plan.media, let downloader = mediaDownloader else {
            phase = .done
            return .stopped(pagingStop ?? .completed)
        }
        do {
            if let spent = try budgetSpent(media) { return .stopped(.deferred(spent)) }
            guard let entry = try store.nextMedia(channel: peer.id), let id = entry.id else {
                phase = .done
                return .stopped(pagingStop ?? .completed)
            }
            let fetch = MediaFetch(downloader: downloader, store: store, content: ContentStore(root: media.root),
                                   plan: media, clock: clock, channel: peer.inputChannel, progress: mediaProgress)
            let deadline = [plan.limits.durationEnd, plan.limits.runWindowEnd].compactMap { $0 }.min()
            let sliceEnd = entry.bytesDone + Self.mediaSliceBytes
            let clock = clock
            do {
                switch try await fetch.fetch(entry, shouldStop: { watermark in
                    watermark >= sliceEnd || deadline.map { clock.now() >= $0.timeIntervalSince1970 } ?? false
                }) {
                case .stored(let bytes):
                    noteMedia(stored: 1, bytes: bytes)
                case .shared:
                    noteMedia(stored: 1, bytes: 0)
                case .paused(let bytes):
                    noteMedia(stored: 0, bytes: bytes)
                }
                return .progressed
            } catch {
                let stop = Self.stop(for: error)
                switch stop {
                case .deferred, .accountRefused: return .stopped(stop)
                default:
                    noteMedia(failed: 1)
                    try store.failMedia(id: id, error: String(describing: error), maxAttempts: media.maxAttempts,
                                        now: Date(timeIntervalSince1970: clock.now()))
                    return .progressed
                }
            }
        } catch {
            return .stopped(Self.stop(for: error))
        }
    }

    /// Why the account's daily byte budget allows no more today, or nil. A fresh day always lets one file
    /// through, however large, so a file bigger than the whole allowance is not stuck forever.
    private func budgetSpent(_ media: MediaPlan) throws -> Deferral? {
        guard let budget = media.budget else { return nil }
        let day = budget.day(of: Date(timeIntervalSince1970: clock.now()))
        let (used, first) = try store.mediaBytes(day: day)
        let allowance = budget.allowance(onDay: MediaByteBudget.dayNumber(day, since: first ?? day))
        guard used >= allowance else { return nil }
        return .mediaBudgetSpent(bytes: allowance, day: day)
    }
}
