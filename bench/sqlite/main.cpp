// imr-bench-sqlite: the SQLite FTS5 baseline (build its index, run the query mix).
#include "common/driver.h"
#include "sqlite/sqlite_engine.h"

int main(int argc, char** argv) {
  return imr::bench::run_driver(argc, argv, "sqlite-fts5", imr::bench::make_sqlite_engine);
}
