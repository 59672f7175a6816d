#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

// The system Graphviz headers (libgraphviz-dev); nothing is copied into the repository.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>
#include <stddef.h>

// Prefixed adapters for the few calls Swift 6 cannot make directly: `char *` parameters that
// only read their argument, a variadic function (`agerr`), and `gvRenderData`, whose length parameter changed from `unsigned int *` to `size_t *` in
// Graphviz 13.

/// Renders `g` laid out by `gvc` into a malloc'd buffer; the length is always `size_t`.
/// Returns 0 on success. Free `*result` with `gvFreeRenderData`.
static inline int cgraphviz_render_data(GVC_t *gvc, Agraph_t *g, const char *format,
                                        char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    return gvRenderData(gvc, g, format, result, length);
#else
    unsigned int n = 0;
    int rc = gvRenderData(gvc, g, format, result, &n);
    *length = (size_t)n;
    return rc;
#endif
}

/// Sets attribute `name` of the root graph `g` to `value`, declaring it (default "") if new.
static inline int cgraphviz_set_graph_attribute(Agraph_t *g, const char *name, const char *value) {
    return agsafeset(g, (char *)name, (char *)value, (char *)"");
}

/// The value of attribute `name` of graph `g`, or NULL when it is not declared.
static inline const char *cgraphviz_graph_attribute(Agraph_t *g, const char *name) {
    return agget(g, (char *)name);
}

/// Starts a new (empty) message in cgraph's message log, so `aglasterr` afterwards returns
/// only what Graphviz reported since this call ("" when nothing).
static inline void cgraphviz_mark_messages(void) {
    agerr(AGWARN, "%s", "");
}

#endif
