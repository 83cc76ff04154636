import BallotWire
import CQRencode
import Glibc

/// Where phones find the ballot: this machine's address on the room's network, the port and a random token.
///
/// The URL is written in upper case (`HTTP://192.168.1.20:8470/K7M2Q9XA`) so that its QR code stays in
/// alphanumeric mode, which holds it in a smaller code than bytes would.
public enum BallotAddress {
    /// The port the server listens on unless told otherwise.
    public static let defaultPort = 8470

    /// A random token of 8 Crockford base-32 digits (40 bits): no I, L, O or U to misread, all in the QR code's
    /// alphanumeric set.
    public static func randomToken() -> String {
        let digits = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in digits[Int(generator.next(upperBound: UInt32(digits.count)))] })
    }

    /// The address phones use to reach this machine: the first IPv4 address of an interface that is up and not the
    /// loopback, else the host's name.
    public static func reachableHost() -> String {
        var interfaces: UnsafeMutablePointer<ifaddrs>?
        if getifaddrs(&interfaces) == 0, let first = interfaces {
            defer { freeifaddrs(interfaces) }
            for interface in sequence(first: first, next: { $0.pointee.ifa_next }) {
                let flags = Int32(interface.pointee.ifa_flags)
                guard let address = interface.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                      flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
                var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                let found = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                    var inAddress = ipv4.pointee.sin_addr
                    return inet_ntop(AF_INET, &inAddress, &text, socklen_t(text.count)) != nil
                }
                if found { return Self.string(text) }
            }
        }
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "localhost" }
        return Self.string(name)
    }

    /// The text of a C string in a buffer, up to its end.
    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The URL shown and encoded, in upper case.
    public static func url(host: String, port: Int, token: String) -> String {
        "HTTP://\(host):\(port)/\(token)".uppercased()
    }

    /// The QR code of `text` with medium error correction (15 % of it may be hidden or smudged), the smallest
    /// version that holds it; nil when libqrencode cannot encode it.
    public static func qrCode(_ text: String) -> QRModules? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let modules = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        // Bit 0 of each byte is the module's colour; the other bits say what part of the code it belongs to.
        let rows = (0..<width).map { row in
            String(modules[(row * width)..<((row + 1) * width)].map { $0 & 1 == 1 ? "1" : "0" })
        }
        return QRModules(rows: rows)
    }
}
