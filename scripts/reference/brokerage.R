#!/usr/bin/env Rscript
# Reference fixtures for Gould-Fernandez brokerage, computed by R's sna::brokerage (Butts).
#
# Usage (from the repository root):
#   Rscript scripts/reference/brokerage.R
# Writes Tests/ActorGraphAnalysisTests/Fixtures/brokerage-*.json in the ReferenceFixture shape:
#   {"tool": {...}, "graph": {"name", "directed", "nodes", "edges", "node_attributes"}, "results": {...}}
# results = {"nodes": {"raw"|"expected"|"z": {node: {role: x}}}, "graph": {"raw"|"expected"|"z": {role: x}},
#            "density": d}
# Numbers carry 15 significant digits (jsonlite's maximum). Non-finite numbers (sna's NaN z-scores where the null variance is 0) are written as null.
# Requires: r-cran-sna, r-cran-jsonlite, and python3 with networkx (for the Florentine families).

suppressMessages(library(sna))
suppressMessages(library(jsonlite))

out_dir <- "Tests/ActorGraphAnalysisTests/Fixtures"
roles <- c(w_I = "coordinator", w_O = "itinerant", b_IO = "representative",
           b_OI = "gatekeeper", b_O = "liaison", t = "total")

finite_or_na <- function(x) { x[!is.finite(x)] <- NA; x }

role_object <- function(v) {
  # v: a named vector with sna's column names -> list(role = number), in sna's order
  res <- list()
  for (k in names(roles)) res[[roles[[k]]]] <- unbox(finite_or_na(unname(v[[k]])))
  res
}

node_table <- function(m, nodes) {
  res <- list()
  for (i in seq_along(nodes)) {
    row <- m[i, ]
    names(row) <- colnames(m)
    res[[nodes[i]]] <- role_object(row)
  }
  res
}

write_fixture <- function(name, nodes, edges, directed, groups, attribute, description) {
  n <- length(nodes)
  a <- matrix(0, n, n)
  for (r in seq_len(nrow(edges))) {
    i <- match(edges[r, 1], nodes); j <- match(edges[r, 2], nodes)
    a[i, j] <- 1
    if (!directed) a[j, i] <- 1
  }
  b <- brokerage(a, groups)
  node_attributes <- list()
  for (i in seq_along(nodes)) {
    attr_list <- list(); attr_list[[attribute]] <- unbox(groups[i])
    node_attributes[[nodes[i]]] <- attr_list
  }
  edge_list <- lapply(seq_len(nrow(edges)), function(r)
    list(source = unbox(edges[r, 1]), target = unbox(edges[r, 2])))
  fixture <- list(
    tool = list(R = unbox(paste(R.version$major, R.version$minor, sep = ".")),
                sna = unbox(as.character(packageVersion("sna"))),
                `function` = unbox("sna::brokerage(g, cl)")),
    description = unbox(description),
    graph = list(name = unbox(name), directed = unbox(directed), nodes = nodes,
                 edges = edge_list, node_attributes = node_attributes,
                 group_attribute = unbox(attribute)),
    results = list(
      density = unbox(nrow(as.edgelist.sna(a)) / (n * (n - 1))),
      nodes = list(raw = node_table(b$raw.nli, nodes),
                   expected = node_table(b$exp.nli, nodes),
                   z = node_table(b$z.nli, nodes)),
      graph = list(raw = role_object(b$raw.gli),
                   expected = role_object(b$exp.gli),
                   z = role_object(b$z.gli))))
  path <- file.path(out_dir, paste0("brokerage-", name, ".json"))
  writeLines(toJSON(fixture, pretty = TRUE, digits = NA, na = "null", auto_unbox = FALSE), path)
  cat("wrote", path, "\n")
  invisible(b)
}

# 1. Florentine families (Padgett's marriage network), undirected, as networkx ships it.
# (LD_LIBRARY_PATH set by R hides the site packages of some Python builds, hence env -u.)
edges_csv <- system2("env", c("-u", "LD_LIBRARY_PATH", "python3", "-c", shQuote(paste(
  "import networkx as nx; g = nx.florentine_families_graph(); print('source,target');",
  "[print(u + ',' + v) for u, v in g.edges()]"))), stdout = TRUE)
flo <- read.csv(text = edges_csv, stringsAsFactors = FALSE)
flo_nodes <- sort(unique(c(flo$source, flo$target)))
# Two factions, defined here: the Medici and the families they married into (their ego network)
# against everyone else.
medici_allies <- unique(c("Medici", flo$target[flo$source == "Medici"], flo$source[flo$target == "Medici"]))
flo_groups <- ifelse(flo_nodes %in% medici_allies, "medici", "others")
write_fixture("florentine", flo_nodes, as.matrix(flo), FALSE, flo_groups, "faction",
              "Florentine families marriage network (networkx florentine_families_graph); factions: Medici and the families married to them vs others")

# 2. A seeded random directed graph with three groups in which every role occurs.
set.seed(20261126)
n <- 14
repeat {
  a <- rgraph(n, tprob = 0.22)
  groups <- rep(c("red", "green", "blue"), length.out = n)
  b <- brokerage(a, groups)
  if (all(b$raw.gli[1:5] > 0)) break
}
nodes <- sprintf("v%02d", seq_len(n))
e <- which(a != 0, arr.ind = TRUE)
e <- e[order(e[, 1], e[, 2]), , drop = FALSE]
write_fixture("directed-three-groups", nodes, cbind(nodes[e[, 1]], nodes[e[, 2]]), TRUE, groups, "group",
              "Seeded random directed graph (sna::rgraph, tprob 0.22, set.seed(20261126)), three groups, every role present")

# 3. A small directed graph with a singleton group, an isolate and mixed group sizes, so that
#    some null variances are 0 and sna's z-scores are NaN (null here).
nodes <- c("a", "b", "c", "d", "e", "f", "g", "h")
edges <- rbind(c("a", "b"), c("b", "c"), c("c", "d"), c("d", "a"), c("b", "e"), c("e", "f"),
               c("f", "b"), c("a", "f"), c("g", "c"), c("c", "g"), c("e", "a"))
groups <- c("x", "x", "y", "y", "y", "z", "w", "x")
write_fixture("singleton-group", nodes, edges, TRUE, groups, "group",
              "Directed graph with a singleton group (f), an isolate (h) and unequal group sizes")

# 4. A seeded random undirected graph with six groups of unequal sizes (two singletons), so that
#    the sums over other groups in sna's variances have many terms.
set.seed(7)
n <- 20
a <- rgraph(n, tprob = 0.2, mode = "graph")
groups <- c(rep("a", 6), rep("b", 5), rep("c", 4), rep("d", 3), "e", "f")
nodes <- sprintf("u%02d", seq_len(n))
e <- which(a != 0 & upper.tri(a), arr.ind = TRUE)
e <- e[order(e[, 1], e[, 2]), , drop = FALSE]
write_fixture("undirected-six-groups", nodes, cbind(nodes[e[, 1]], nodes[e[, 2]]), FALSE, groups, "group",
              "Seeded random undirected graph (sna::rgraph mode graph, tprob 0.2, set.seed(7)), six groups of sizes 6, 5, 4, 3, 1, 1")

# 5. Self-loops: they form no two-path, but sna counts them (non-zero diagonal cells) in the
#    density its null model uses.
nodes <- c("p", "q", "r", "s", "t")
edges <- rbind(c("p", "q"), c("q", "r"), c("r", "s"), c("s", "t"), c("t", "p"), c("q", "q"), c("s", "s"), c("p", "r"))
groups <- c("x", "x", "y", "y", "z")
write_fixture("self-loops", nodes, edges, TRUE, groups, "group",
              "Directed 5-cycle with a chord and two self-loops (counted in sna's density)")
