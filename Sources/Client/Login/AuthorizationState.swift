/// Whether a client's session is logged in.
public enum AuthorizationState: Sendable, Equatable {
    /// Logged in as this user.
    case loggedIn(LoggedInUser)
    /// Not logged in (no key, or the key is not authorized or was revoked): log in first.
    case loggedOut
}
