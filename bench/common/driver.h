// The command line every engine driver shares:
//   DRIVER build --corpus DIR --db DIR
//   DRIVER query --db DIR --mix FILE [--warmup W] [--runs R] [--rounds K] [--budget S] --out FILE.json
// "query" runs the whole mix K times (W warm-up + R measured runs of each
// query per round, fewer when they take over S seconds) and reports, per
// query, the median over rounds of each latency percentile, with the total
// and facets of the query's answer.
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "common/engine.h"

namespace imr::bench {

int run_driver(int argc, char** argv, std::string_view engine_name,
               const std::function<std::unique_ptr<Engine>()>& make_engine);

}  // namespace imr::bench
