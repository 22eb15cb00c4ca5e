import Foundation

/// Where a story store is: a SQLite file, or a PostgreSQL database named by a URL.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresLocation)

    /// `text` as given to `--store`: a `postgres://` or `postgresql://` URL, completed from the
    /// usual `PG*` variables of `environment` (the URL wins), or else the path of a SQLite file.
    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: text, environment: environment))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The path, or the URL without its password: how messages name the store.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }
}

/// A PostgreSQL database: server, user, database and how the connection is encrypted.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The server's host name or address, or the folder of its Unix socket (a path).
    public var host: String
    /// The server's port.
    public var port: Int
    /// The user to connect as.
    public var user: String
    /// The user's password, if the server asks for one.
    public var password: String?
    /// The database.
    public var database: String
    /// How the connection is encrypted, as libpq's `sslmode` says it.
    public var sslMode: SSLMode

    /// libpq's `sslmode` values.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// A database given part by part.
    public init(host: String, port: Int, user: String, password: String?, database: String, sslMode: SSLMode) {
        (self.host, self.port, self.user, self.password, self.database, self.sslMode) = (host, port, user, password, database, sslMode)
    }

    /// A URL's parts, each part missing taken from `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`,
    /// `PGDATABASE`, `PGSSLMODE`, then libpq's defaults (localhost, 5432, the system user, a
    /// database named as the user, `prefer`).
    public init(url: String, environment: [String: String]) throws {
        guard let parts = URLComponents(string: url) else { throw StoreLocationError(url: url, problem: "not a URL") }
        func decoded(_ part: String?) -> String? { part.flatMap { $0.removingPercentEncoding ?? $0 }.flatMap { $0.isEmpty ? nil : $0 } }
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] {
            guard item.name == "sslmode" || item.name == "host" else {
                throw StoreLocationError(url: url, problem: "unknown parameter «\(item.name)» (isnad reads sslmode and host)")
            }
            query[item.name] = item.value ?? ""
        }
        let named = decoded(parts.percentEncodedHost).map { $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0 }
        host = named ?? query["host"] ?? variable("PGHOST") ?? "localhost"
        let portText = parts.port.map(String.init) ?? variable("PGPORT") ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw StoreLocationError(url: url, problem: "port «\(portText)» is not a port number")
        }
        self.port = port
        user = decoded(parts.percentEncodedUser) ?? variable("PGUSER") ?? Self.systemUser()
        password = decoded(parts.percentEncodedPassword) ?? variable("PGPASSWORD")
        let path = decoded(String(parts.percentEncodedPath.drop { $0 == "/" }))
        database = path ?? variable("PGDATABASE") ?? user
        let mode = query["sslmode"] ?? variable("PGSSLMODE") ?? SSLMode.prefer.rawValue
        guard let sslMode = SSLMode(rawValue: mode) else {
            let known = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw StoreLocationError(url: url, problem: "sslmode «\(mode)» is not one of \(known)")
        }
        self.sslMode = sslMode
    }

    /// The name of the user this process runs as.
    static func systemUser() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "postgres" }
        return String(cString: name)
    }

    /// The URL without the password.
    public var description: String {
        let place = host.hasPrefix("/") ? "?host=\(host)" : ""
        let server = host.hasPrefix("/") ? "" : (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        return "postgres://\(user)@\(server)/\(database)\(place)"
    }
}

/// A `--store` URL that cannot be read.
public struct StoreLocationError: Error, CustomStringConvertible {
    /// The URL as given.
    public var url: String
    /// What is wrong with it.
    public var problem: String

    /// `URL: problem`, without the URL's password.
    public var description: String {
        "\(Self.withoutPassword(url)): \(problem)"
    }

    /// `url` with the password of its user part, if any, shown as «…».
    static func withoutPassword(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":…" + String(url[at...])
    }
}
