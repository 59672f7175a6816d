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

/// Prepares a graph written by the `dot` renderer after a layout for a second layout with
/// fixed node sizes: every node keeps the `width`/`height` that layout measured, gets
/// `fixedsize=true`, and loses its position; edges lose their routes and label positions. So a
/// layout in a context without a text-layout plugin places nodes of the sizes the real fonts
/// gave (see ActorGraphviz's ReproducibleLayout).
static inline void cgraphviz_keep_sizes_drop_positions(Agraph_t *g) {
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        agsafeset(n, (char *)"fixedsize", (char *)"true", (char *)"false");
        agsafeset(n, (char *)"pos", (char *)"", (char *)"");
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            agsafeset(e, (char *)"pos", (char *)"", (char *)"");
            agsafeset(e, (char *)"lp", (char *)"", (char *)"");
            agsafeset(e, (char *)"xlp", (char *)"", (char *)"");
            agsafeset(e, (char *)"head_lp", (char *)"", (char *)"");
            agsafeset(e, (char *)"tail_lp", (char *)"", (char *)"");
        }
    }
}

#include <stdlib.h>
#include <string.h>

struct cgraphviz_place_job { GVC_t *gvc; const char *text; const char *engine; const char *start; char *result; size_t length; int rc; };

/// Runs `job` on the calling thread: reads `text`, keeps its node sizes and drops its positions
/// (`cgraphviz_keep_sizes_drop_positions`), lays it out with `engine` (seeded by `start` when
/// not NULL) and writes it as DOT into `result` (malloc'd, NUL-terminated; free with `free`).
/// `rc` is 0 on success. ActorGraphviz runs it on one dedicated thread (see ReproducibleLayout).
static inline void cgraphviz_place(struct cgraphviz_place_job *job) {
    job->rc = -1;
    Agraph_t *g = agmemread(job->text);
    if (!g) return;
    cgraphviz_keep_sizes_drop_positions(g);
    if (job->start) agsafeset(g, (char *)"start", (char *)job->start, (char *)"");
    if (gvLayout(job->gvc, g, job->engine) == 0) {
        char *buffer = NULL;
        size_t length = 0;
        if (cgraphviz_render_data(job->gvc, g, "dot", &buffer, &length) == 0 && buffer) {
            job->result = malloc(length + 1);
            if (job->result) {
                memcpy(job->result, buffer, length);
                job->result[length] = 0;
                job->length = length;
                job->rc = 0;
            }
            gvFreeRenderData(buffer);
        }
        gvFreeLayout(job->gvc, g);
    }
    agclose(g);
}

#endif
