// The synthetic letters of collector_letters.h in an index on disk, one
// commit (a new revision) per letter added, for what depends on revisions.
#pragma once

#include <string>

#include <xapian.h>

#include "collector_letters.h"
#include "temp_dir.h"

namespace imr::test {

struct OnDiskIndex {
  testing::TempDir dir;
  Xapian::WritableDatabase writer{(dir / "index").string(), Xapian::DB_CREATE_OR_OPEN};

  void add(std::size_t i) {
    const auto built = indexer::DocumentBuilder().build(make_record(i), text_of(make_record(i), i), "h");
    writer.replace_document(built.key_term, built.document);
    schema::add_stem_words(writer, built.stems);
    writer.commit();
  }
  Xapian::Database reader() const { return Xapian::Database((dir / "index").string()); }
};

}  // namespace imr::test
