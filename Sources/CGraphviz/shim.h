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

/* Reading DOT text so that the layout does not depend on memory addresses.
 *
 * cgraph's default id discipline uses the address of an object's interned name as its id,
 * and orders subgraphs (clusters) by id, so the layout of a graph with clusters varied with
 * heap addresses from one process to the next. This discipline declines the names of
 * graphs and subgraphs, which makes cgraph number them in the order they are created, as it
 * does anonymous ones: the same DOT text then gives the same layout. (Nodes and edges keep
 * the default ids: cgraph orders them by creation already.) Text is fed to the scanner a
 * line at a time, like agmemread does. */
typedef struct {
    const char *text;
    size_t length;
    size_t offset;
} integraph_text_reader;

static inline int integraph_read_line(void *channel, char *buffer, int size) {
    integraph_text_reader *reader = (integraph_text_reader *)channel;
    int count = 0;
    while (count < size && reader->offset < reader->length) {
        char c = reader->text[reader->offset++];
        buffer[count++] = c;
        if (c == '\n') {
            break;
        }
    }
    return count;
}

static inline long integraph_map_id(void *state, int objtype, char *name, IDTYPE *id, int createflag) {
    if (name != NULL && objtype == AGRAPH) {
        return 0;
    }
    return AgIdDisc.map(state, objtype, name, id, createflag);
}

/* The three disciplines of a reader; the caller keeps them alive as long as any graph read
 * with them, since cgraph keeps pointers to them. */
typedef struct {
    Agdisc_t discipline;
    Agiddisc_t ids;
    Agiodisc_t io;
} integraph_reader_discipline;

static inline void integraph_prepare_discipline(integraph_reader_discipline *d) {
    d->ids = AgIdDisc;
    d->ids.map = integraph_map_id;
    d->io = AgIoDisc;
    d->io.afread = integraph_read_line;
    d->discipline.mem = &AgMemDisc;
    d->discipline.id = &d->ids;
    d->discipline.io = &d->io;
}

static inline Agraph_t *integraph_read_graph(integraph_reader_discipline *d, const char *text, size_t length) {
    integraph_text_reader reader = { text, length, 0 };
    /* The scanner's line counter is global too: start each text at line 1. */
    agreadline(1);
    return agread(&reader, &d->discipline);
}

/* An edge's ends and a graph attribute by name: macros and a non-const parameter in 2.43,
 * which Swift cannot call as they are. */
static inline Agnode_t *integraph_edge_tail(Agedge_t *e) { return AGTAIL(e); }
static inline Agnode_t *integraph_edge_head(Agedge_t *e) { return AGHEAD(e); }
static inline char *integraph_get(void *object, const char *name) { return agget(object, (char *)name); }

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
