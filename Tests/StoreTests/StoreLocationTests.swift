import Store
import Testing

@Suite("Where a store is (--store)")
struct StoreLocationTests {
    @Test func aPathIsASQLiteFile() throws {
        #expect(try StoreLocation(parsing: "news/store.sqlite", environment: [:]) == .sqlite(path: "news/store.sqlite"))
    }

    @Test func bothSchemesNameAPostgreSQLDatabase() throws {
        for scheme in ["postgres", "postgresql"] {
            guard case .postgres(let place) = try StoreLocation(parsing: "\(scheme)://isnad@127.0.0.1:5433/news", environment: [:]) else {
                Issue.record("\(scheme):// is not read as PostgreSQL")
                continue
            }
            #expect(place.host == "127.0.0.1")
            #expect(place.port == 5433)
            #expect(place.user == "isnad")
            #expect(place.password == nil)
            #expect(place.database == "news")
            #expect(place.sslMode == .prefer)
        }
    }

    @Test func theURLWinsOverThePGVariables() throws {
        let environment = ["PGHOST": "db.example", "PGPORT": "6000", "PGUSER": "reader", "PGPASSWORD": "x", "PGDATABASE": "other", "PGSSLMODE": "require"]
        let place = try PostgresLocation(url: "postgres://writer:s%40cret@10.0.0.5:5434/news?sslmode=verify-full", environment: environment)
        #expect(place == PostgresLocation(host: "10.0.0.5", port: 5434, user: "writer", password: "s@cret", database: "news", sslMode: .verifyFull))
    }

    @Test func whatTheURLLeavesOutComesFromThePGVariables() throws {
        let environment = ["PGHOST": "db.example", "PGPORT": "6000", "PGUSER": "reader", "PGPASSWORD": "x", "PGDATABASE": "news", "PGSSLMODE": "disable"]
        let place = try PostgresLocation(url: "postgres://", environment: environment)
        #expect(place == PostgresLocation(host: "db.example", port: 6000, user: "reader", password: "x", database: "news", sslMode: .disable))
    }

    @Test func withoutURLPartsOrVariablesTheDatabaseIsNamedAsTheUser() throws {
        let place = try PostgresLocation(url: "postgres://analyst@", environment: [:])
        #expect(place == PostgresLocation(host: "localhost", port: 5432, user: "analyst", password: nil, database: "analyst", sslMode: .prefer))
    }

    @Test func aUnixSocketFolderIsGivenAsTheHostParameter() throws {
        let place = try PostgresLocation(url: "postgres:///news?host=/var/run/postgresql", environment: ["PGUSER": "isnad"])
        #expect(place.host == "/var/run/postgresql")
        #expect(place.description == "postgres://isnad@/news?host=/var/run/postgresql")
    }

    @Test func anIPv6AddressIsGivenInBrackets() throws {
        let place = try PostgresLocation(url: "postgres://isnad@[::1]:5433/news", environment: [:])
        #expect(place.host == "::1")
        #expect(place.description == "postgres://isnad@[::1]:5433/news")
    }

    @Test func theStoreIsNamedWithoutItsPassword() throws {
        let location = try StoreLocation(parsing: "postgres://writer:secret@db.example/news", environment: [:])
        #expect(location.description == "postgres://writer@db.example:5432/news")
    }

    @Test func anUnknownSSLModeIsAnErrorThatListsTheModesWithoutThePassword() {
        let error = #expect(throws: StoreLocationError.self) {
            try StoreLocation(parsing: "postgres://writer:secret@db.example/news?sslmode=strict", environment: [:])
        }
        #expect(
            error?.description
                == "postgres://writer:…@db.example/news?sslmode=strict: sslmode «strict» is not one of disable, allow, prefer, require, verify-ca, verify-full")
    }

    @Test func anUnknownParameterIsAnError() {
        let error = #expect(throws: StoreLocationError.self) { try StoreLocation(parsing: "postgres://db.example/news?connect_timeout=5", environment: [:]) }
        #expect(error?.problem == "unknown parameter «connect_timeout» (isnad reads sslmode and host)")
    }

    @Test func aPortThatIsNotANumberIsAnError() {
        let error = #expect(throws: StoreLocationError.self) { try PostgresLocation(url: "postgres://db.example/news", environment: ["PGPORT": "x"]) }
        #expect(error?.problem == "port «x» is not a port number")
    }
}
