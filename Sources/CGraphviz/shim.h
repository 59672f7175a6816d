#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

// The system Graphviz headers (libgraphviz-dev); nothing is copied into the repository.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stddef.h>

// Prefixed adapters for the few calls Swift 6 cannot make directly: `char *` parameters that
// only read their argument, a variadic function (`agerr`), and `gvRenderData`, whose length
// parameter changed from `unsigned int *` to `size_t *` in Graphviz 13.

/// 1 when this Graphviz declares `gvRenderData(..., size_t *length)` (Graphviz 13 and later),
/// 0 when it declares `unsigned int *length`. Decided from the declaration itself, not from a
/// version number.
#define CGRAPHVIZ_RENDER_LENGTH_IS_SIZE_T \
    _Generic(&gvRenderData, int (*)(GVC_t *, graph_t *, const char *, char **, size_t *): 1, default: 0)

/// Renders `g` laid out by `gvc` into a malloc'd buffer; the length is always `size_t`.
/// Returns 0 on success. Free `*result` with `gvFreeRenderData`.
static inline int cgraphviz_render_data(GVC_t *gvc, Agraph_t *g, const char *format,
                                        char **result, size_t *length) {
    // Storage wide enough for either length type; `void *` converts to whichever pointer
    // type the system header declares, and the declaration decides which member was written.
    union { size_t wide; unsigned int narrow; } n;
    n.wide = 0;
    int rc = gvRenderData(gvc, g, format, result, (void *)&n);
    *length = CGRAPHVIZ_RENDER_LENGTH_IS_SIZE_T ? n.wide : (size_t)n.narrow;
    return rc;
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
