import TL

/// The synthetic people of a group (commenters of a discussion group, members of a forum): user `index` of
/// the group drawn from the world's seed and the group's key, always the same.
enum SyntheticUser {
    /// User `index` of the group with `groupKey`, with id `id`.
    static func make(seed: UInt64, groupKey: UInt64, index: Int64, id: Int64) -> Api.User {
        var draw = Draw(seed, groupKey, UInt64(index), DrawPurpose.identity.rawValue, 3)
        let first = ["Anna", "Ben", "Chen", "Dara", "Emil", "Fatima", "Goran", "Hiro", "Ines", "Jonas", "Kofi", "Lena"]
        let last = ["Berg", "Costa", "Dubois", "Ivanova", "Kim", "Novak", "Okafor", "Rossi", "Silva", "Tanaka"]
        let firstName = draw.pick(first), lastName = draw.pick(last)
        let username = draw.chance(0.8) ? "\(firstName.lowercased())_\(lastName.lowercased())_\(index)" : nil
        return .user(.init(
            id: id, accessHash: Int64(bitPattern: draw.next()), firstName: firstName, lastName: lastName,
            username: username, status: .userStatusRecently(.init())))
    }
}
