/// What one step of a run did.
public enum HarvestStep: Sendable, Equatable {
    /// It made progress (usually one committed page); call `step()` again.
    case progressed
    /// The run is over, for this reason.
    case stopped(HarvestStop)
}
