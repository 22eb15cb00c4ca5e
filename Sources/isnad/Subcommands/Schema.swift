import ArgumentParser
import Isnad

extension IsnadCommand {
    /// `isnad schema`: the columns of every table, as `schema.json` or as the documentation.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the tables' columns: schema.json, or with --markdown the text of docs/SCHEMA.md.",
            discussion: "Both come from the one description of each table that the writers use, so they always agree with the files written."
        )

        @Flag(help: "Print the Markdown documentation instead of schema.json.")
        var markdown = false

        func run() {
            print(markdown ? Tables.markdown : Tables.schemaJSON, terminator: "")
        }
    }
}
