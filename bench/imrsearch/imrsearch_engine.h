// imrsearch measured in-process: the API handlers the HTTP server calls,
// without the HTTP layer, so its figures compare with in-process baselines.
#pragma once

#include <memory>

#include "common/engine.h"

namespace imr::bench {

std::unique_ptr<Engine> make_imrsearch_engine();

}  // namespace imr::bench
