// The few calls of libIndexStore's C API (the toolchain's indexstore.h, API version 0) that
// reading a store's occurrences needs, looked up with dlsym so the book builds and runs
// where the toolchain keeps the library elsewhere or has none. Swift cannot declare these
// itself: they return a two-word struct by value.
#include "CIndexStore.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { const char *data; size_t length; } string_ref;
typedef void *opaque;

static struct {
    opaque (*store_create)(const char *, opaque *);
    void (*store_dispose)(opaque);
    bool (*store_units_apply_f)(opaque, unsigned, void *, bool (*)(void *, string_ref));
    opaque (*unit_reader_create)(opaque, const char *, opaque *);
    void (*unit_reader_dispose)(opaque);
    bool (*unit_reader_dependencies_apply_f)(opaque, void *, bool (*)(void *, opaque));
    int (*dependency_get_kind)(opaque);
    string_ref (*dependency_get_name)(opaque);
    string_ref (*dependency_get_filepath)(opaque);
    opaque (*record_reader_create)(opaque, const char *, opaque *);
    void (*record_reader_dispose)(opaque);
    bool (*record_reader_occurrences_apply_f)(opaque, void *, bool (*)(void *, opaque));
    opaque (*occurrence_get_symbol)(opaque);
    uint64_t (*occurrence_get_roles)(opaque);
    void (*occurrence_get_line_col)(opaque, unsigned *, unsigned *);
    string_ref (*symbol_get_usr)(opaque);
    const char *(*error_get_description)(opaque);
    void (*error_dispose)(opaque);
} api;

enum { dependency_record = 2 };

typedef struct {
    opaque store;
    void *context;
    index_store_visit visit;
    char *path;
    bool stopped;
} reading;

static char *copy(string_ref text) {
    char *out = malloc(text.length + 1);
    if (out) {
        memcpy(out, text.data, text.length);
        out[text.length] = 0;
    }
    return out;
}

static bool occurrence(void *context, opaque found) {
    reading *state = context;
    unsigned line = 0, column = 0;
    api.occurrence_get_line_col(found, &line, &column);
    char *usr = copy(api.symbol_get_usr(api.occurrence_get_symbol(found)));
    if (!usr) return false;
    index_store_occurrence item = {state->path, line, column, usr, api.occurrence_get_roles(found)};
    bool more = state->visit(state->context, &item);
    free(usr);
    if (!more) state->stopped = true;
    return more;
}

static bool dependency(void *context, opaque found) {
    reading *state = context;
    if (api.dependency_get_kind(found) != dependency_record) return true;
    char *name = copy(api.dependency_get_name(found));
    char *path = copy(api.dependency_get_filepath(found));
    opaque error = NULL;
    opaque record = name ? api.record_reader_create(state->store, name, &error) : NULL;
    if (error) api.error_dispose(error);
    if (record) {
        state->path = path ? path : "";
        api.record_reader_occurrences_apply_f(record, state, occurrence);
        api.record_reader_dispose(record);
    }
    free(name);
    free(path);
    return !state->stopped;
}

static bool unit(void *context, string_ref unit_name) {
    reading *state = context;
    char *name = copy(unit_name);
    opaque error = NULL;
    opaque reader = name ? api.unit_reader_create(state->store, name, &error) : NULL;
    if (error) api.error_dispose(error);
    if (reader) {
        api.unit_reader_dependencies_apply_f(reader, state, dependency);
        api.unit_reader_dispose(reader);
    }
    free(name);
    return !state->stopped;
}

static int load(const char *library_path, char *error, unsigned long error_size) {
    if (api.store_create) return 0;
    void *library = dlopen(library_path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(error, error_size, "cannot load %s: %s", library_path, dlerror());
        return -1;
    }
#define FIND(field, symbol) \
    if (!(*(void **)&api.field = dlsym(library, symbol))) { \
        snprintf(error, error_size, "%s has no %s", library_path, symbol); \
        memset(&api, 0, sizeof api); \
        return -1; \
    }
    FIND(error_get_description, "indexstore_error_get_description")
    FIND(error_dispose, "indexstore_error_dispose")
    FIND(store_dispose, "indexstore_store_dispose")
    FIND(store_units_apply_f, "indexstore_store_units_apply_f")
    FIND(unit_reader_create, "indexstore_unit_reader_create")
    FIND(unit_reader_dispose, "indexstore_unit_reader_dispose")
    FIND(unit_reader_dependencies_apply_f, "indexstore_unit_reader_dependencies_apply_f")
    FIND(dependency_get_kind, "indexstore_unit_dependency_get_kind")
    FIND(dependency_get_name, "indexstore_unit_dependency_get_name")
    FIND(dependency_get_filepath, "indexstore_unit_dependency_get_filepath")
    FIND(record_reader_create, "indexstore_record_reader_create")
    FIND(record_reader_dispose, "indexstore_record_reader_dispose")
    FIND(record_reader_occurrences_apply_f, "indexstore_record_reader_occurrences_apply_f")
    FIND(occurrence_get_symbol, "indexstore_occurrence_get_symbol")
    FIND(occurrence_get_roles, "indexstore_occurrence_get_roles")
    FIND(occurrence_get_line_col, "indexstore_occurrence_get_line_col")
    FIND(symbol_get_usr, "indexstore_symbol_get_usr")
    // Last: `store_create` set means every function was found.
    FIND(store_create, "indexstore_store_create")
#undef FIND
    return 0;
}

int index_store_read(const char *library_path, const char *store_path, void *context, index_store_visit visit,
                     char *error, unsigned long error_size) {
    // The table of functions is filled once, by one thread at a time.
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    int loaded = load(library_path, error, error_size);
    pthread_mutex_unlock(&lock);
    if (loaded != 0) return -1;
    opaque failure = NULL;
    opaque store = api.store_create(store_path, &failure);
    if (!store) {
        snprintf(error, error_size, "cannot open the index store %s: %s", store_path,
                 failure ? api.error_get_description(failure) : "unknown error");
        if (failure) api.error_dispose(failure);
        return -1;
    }
    reading state = {store, context, visit, NULL, false};
    api.store_units_apply_f(store, 1, &state, unit);
    api.store_dispose(store);
    return 0;
}
