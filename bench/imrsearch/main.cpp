// imr-bench-imrsearch: the query mix on imrsearch's API handlers, in-process.
#include "common/driver.h"
#include "imrsearch/imrsearch_engine.h"

int main(int argc, char** argv) {
  return imr::bench::run_driver(argc, argv, "imrsearch", imr::bench::make_imrsearch_engine);
}
