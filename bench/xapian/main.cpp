// imr-bench-xapian: the Xapian stock baseline (build its index, run the query mix).
#include "common/driver.h"
#include "xapian/stock_engine.h"

int main(int argc, char** argv) {
  return imr::bench::run_driver(argc, argv, "xapian-stock", imr::bench::make_stock_engine);
}
