#ifndef INTEGRAPH_CGRAPHVIZ_SHIM_H
#define INTEGRAPH_CGRAPHVIZ_SHIM_H

#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Graphviz 2.43 keeps the DOT scanner's state across agmemread calls: after a syntax error
 * (or a text holding two graphs) the next call can fail or return the previous graph.
 * aaglex_destroy() resets the scanner; libcgraph exports it but no header declares it, so
 * it is referenced weakly and its presence is checked before each call. */
extern int aaglex_destroy(void) __attribute__((weak));

static inline int integraph_scanner_reset_available(void) {
    return aaglex_destroy != NULL;
}

static inline void integraph_reset_scanner(void) {
    if (aaglex_destroy != NULL) {
        aaglex_destroy();
    }
}

/* Counts the installed plugins of one kind ("layout", "render", ...) and frees the list. */
static inline int integraph_plugin_count(GVC_t *gvc, const char *kind) {
    int count = 0;
    char **names = gvPluginList(gvc, kind, &count, NULL);
    if (names != NULL) {
        for (int i = 0; i < count; i++) {
            free(names[i]);
        }
        free(names);
    }
    return count;
}

#endif
