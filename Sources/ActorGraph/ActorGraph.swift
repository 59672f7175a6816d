@_exported public import ActorGraphAnalysis
@_exported public import ActorGraphCore
@_exported public import ActorGraphDiagrams
@_exported public import ActorGraphHTML
@_exported public import ActorGraphIO
@_exported public import ActorGraphviz
