/// One account of a `WorldSpec` that can log in to the sandbox.
public struct AccountSpec: Codable, Sendable, Equatable {
    /// The phone number, digits only (test convention `99966XYYYY`).
    public var phone: String
    /// The first name shown on the user.
    public var firstName: String
    /// The 2FA password, if the account has one.
    public var password: String?
    /// The data center the account lives on (1 or 2); other DCs answer `PHONE_MIGRATE_X`.
    public var homeDC: Int
    /// Whether `auth.sendCode` refuses the phone with `PHONE_NUMBER_BANNED`.
    public var banned: Bool

    /// Creates an account; the home DC defaults to the phone's test-convention digit (X of 99966XYYYY) when it is 1 or 2.
    public init(phone: String, firstName: String = "Sandbox", password: String? = nil, homeDC: Int? = nil, banned: Bool = false) {
        self.phone = phone
        self.firstName = firstName
        self.password = password
        self.homeDC = homeDC ?? AccountSpec.conventionDC(phone: phone)
        self.banned = banned
    }

    private enum CodingKeys: String, CodingKey {
        case phone, firstName, password, homeDC, banned
    }

    /// Reads an account with the same defaults as the initializer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let phone = try container.decode(String.self, forKey: .phone)
        self.init(
            phone: phone,
            firstName: try container.decodeIfPresent(String.self, forKey: .firstName) ?? "Sandbox",
            password: try container.decodeIfPresent(String.self, forKey: .password),
            homeDC: try container.decodeIfPresent(Int.self, forKey: .homeDC),
            banned: try container.decodeIfPresent(Bool.self, forKey: .banned) ?? false)
    }

    /// The code `auth.signIn` accepts for `phone`: X five times for a test phone `99966XYYYY`, 12345 otherwise.
    static func loginCode(phone: String) -> String {
        TestPhone(phone)?.code ?? "12345"
    }

    /// The DC digit X of a test phone `99966XYYYY`, when it names DC 1 or 2; DC 1 otherwise.
    static func conventionDC(phone: String) -> Int {
        guard let digit = TestPhone(phone)?.dcDigit, (1...2).contains(digit) else { return 1 }
        return digit
    }
}

/// A phone in Telegram's test-DC convention `99966XYYYY`: X is the DC digit and the login code is X five times.
struct TestPhone {
    /// The digit X.
    let dcDigit: Int

    /// Parses `phone`; nil unless it is ten digits starting with 99966.
    init?(_ phone: String) {
        let digits = Array(phone)
        guard digits.count == 10, phone.hasPrefix("99966"), digits.allSatisfy(\.isNumber),
              let digit = digits[5].wholeNumberValue else { return nil }
        dcDigit = digit
    }

    /// The code `auth.sendCode` "sends": X repeated five times.
    var code: String { String(repeating: String(dcDigit), count: 5) }
}
