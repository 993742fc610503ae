// A stored letter's record read straight from its MessagePack: the same
// Record as nlohmann's from_msgpack followed by from_json (record.cpp), with
// no JSON tree in between. A page of hits decodes twenty records, and the
// tree (a node and a string per key and value, then copied into the Record)
// was the largest part of drawing a hit.
#pragma once

#include <string_view>

#include "imr/schema/record.h"

namespace imr::schema {

// Throws std::runtime_error naming what is wrong when bytes are not a record.
Record record_from_msgpack(std::string_view bytes);

}  // namespace imr::schema
