// The umbrella module: `import Isnad` gives the public API of every pipeline stage, plus what the
// executables share (`ProcessMemory`).
@_exported import Ingest
@_exported import ArabicText
@_exported import LinearAlgebra
@_exported import Vectors
@_exported import Stories
@_exported import Statements
@_exported import Timeline
@_exported import Pipeline
@_exported import Reporting
@_exported import Store
