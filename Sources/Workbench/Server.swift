import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix

/// The workbench served over HTTP by Hummingbird: every request answered by
/// ``Workbench/respond(to:)`` on NIO's pool of blocking threads (the store's reads block).
public enum WorkbenchServer {
    /// Serves `workbench` on `host`:`port` (0: a free port) until the process is sent SIGINT or
    /// SIGTERM; `listening` hears the address once the server accepts connections.
    public static func run(_ workbench: Workbench, host: String, port: Int, listening: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "isnad.serve")
        logger.logLevel = .critical
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let asked = WorkbenchRequest(path: request.uri.path, query: query(request.uri.query))
            let answer = try await NIOThreadPool.singleton.runIfActive { workbench.respond(to: asked) }
            var headers = HTTPFields()
            headers[.contentType] = answer.contentType
            if let location = answer.location { headers[.location] = location }
            return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        }
        let application = Application(
            responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: "isnad"),
            onServerRunning: { channel in
                let address = channel.localAddress
                listening("http://\(address?.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? host):\(address?.port ?? port)")
            }, logger: logger)
        try await application.runService()
    }

    /// A query string's parameters, `+` and percent escapes decoded (the first of a repeated name).
    static func query(_ text: String?) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in (text ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decoded(parts[0])
            if parameters[name] == nil { parameters[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return parameters
    }

    /// Why the server could not start, in a line: the system's words for a socket's failure.
    public static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        return "\(error)"
    }
}
