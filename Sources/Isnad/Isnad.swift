@_exported import ArabicText
// The umbrella module: `import Isnad` gives the public API of every pipeline stage, plus what the
// executables share (`ProcessMemory`).
@_exported import Ingest
@_exported import LinearAlgebra
@_exported import Pipeline
@_exported import Reporting
@_exported import Statements
@_exported import Store
@_exported import Stories
@_exported import Timeline
@_exported import Vectors
@_exported import Workbench
