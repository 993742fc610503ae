// imr-index under stress, through the real binary: kill -9 at any moment,
// re-runs, deletes and prunes, a second writer, bad files and a full disk.
// After each, the index is opened with Xapian and every letter checked whole.
#include <doctest/doctest.h>

#include <sys/mount.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include <xapian.h>

#include "imr/schema/facet_table.h"
#include "imr/schema/field.h"
#include "imr/schema/index_shards.h"
#include "imr/schema/letter_dictionary.h"
#include "imr/schema/letter_identity.h"
#include "imr/schema/stored_letter.h"
#include "process.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using namespace imr::testing;
using Clock = std::chrono::steady_clock;

// Writes `letters` generated letters under dir/generated; returns their folder.
fs::path generate(const TempDir& dir, unsigned letters, unsigned seed) {
  const fs::path out = dir / "generated";
  REQUIRE(run({binary("imr-generate"), "--letters", std::to_string(letters), "--out", out.string(), "--seed",
               std::to_string(seed)},
              dir / "generate.log") == 0);
  return out / "letters";
}

struct IndexState {
  bool exists = false;
  Xapian::doccount documents = 0;
  std::map<std::string, int> sources;  // source path -> letters from it
  std::map<std::string, int> keys;     // key term -> letters with it
  std::string broken;                  // the first incomplete letter, with the reason
};

// Opens the index as a searcher would and reads every letter back.
IndexState inspect(const fs::path& index) {
  IndexState state;
  imr::schema::OpenedIndex opened;
  try {
    opened = imr::schema::open_index(index);
  } catch (const Xapian::DatabaseNotFoundError&) {
    return state;  // killed before the first commit
  }
  const Xapian::Database& db = opened.db;
  imr::schema::LetterDictionaries dictionaries(db, &opened.shards);
  state.exists = true;
  state.documents = db.get_doccount();
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  CHECK(enquire.get_mset(0, 10).get_matches_estimated() == state.documents);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    try {
      imr::schema::decode_stored_letter(doc.get_data(), dictionaries);
      imr::schema::FacetTableView view;
      const std::string table = doc.get_value(imr::schema::slot::facet_table);
      view.parse(table);
    } catch (const std::exception& e) {
      if (state.broken.empty()) state.broken = "document " + std::to_string(*it) + ": " + e.what();
    }
    ++state.sources[doc.get_value(imr::schema::slot::source_path)];
    if (const std::string key = imr::schema::key_of(doc); !key.empty()) ++state.keys[key];
  }
  return state;
}

void check_whole_and_unique(const IndexState& state) {
  CHECK_MESSAGE(state.broken.empty(), state.broken);
  for (const auto& source : state.sources) CHECK_MESSAGE(source.second == 1, source.first);
  for (const auto& key : state.keys) CHECK_MESSAGE(key.second == 1, key.first);
  CHECK(state.keys.size() == state.documents);
}

std::vector<std::string> index_args(const fs::path& index, const std::vector<std::string>& rest) {
  std::vector<std::string> args{binary("imr-index"), "--db", index.string()};
  args.insert(args.end(), rest.begin(), rest.end());
  return args;
}

double seconds_to_index(const fs::path& index, const fs::path& letters, const fs::path& log) {
  const auto start = Clock::now();
  CHECK(run(index_args(index, {letters.string()}), log) == 0);
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void write_text(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

}  // namespace

// The letters committed so far, as a searcher sees them (0 before the first commit).
Xapian::doccount committed(const fs::path& index) {
  try {
    return Xapian::Database(index.string()).get_doccount();
  } catch (const Xapian::DatabaseOpeningError&) {
    return 0;
  }
}

// Waits until the index holds more than `before` letters (at most two
// minutes), so that a kill lands after a commit however busy the machine is.
void wait_for_commit_past(const fs::path& index, Xapian::doccount before) {
  const auto give_up = Clock::now() + std::chrono::minutes(2);
  while (committed(index) <= before && Clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

// Kills imr-index (with these extra arguments) before its first commit and
// at several moments after one, then lets a re-run complete the index.
void kill_at_any_moment(const std::vector<std::string>& extra) {
  const TempDir dir;
  constexpr unsigned kLetters = 3000;
  const fs::path letters = generate(dir, kLetters, 3);
  const fs::path index = dir / "index";
  std::vector<std::string> args = extra;
  args.push_back(letters.string());
  int killed_while_running = 0, partial = 0;
  // The first kill comes before any commit; the others at several moments
  // after a run's first commit, inside the batch that follows it.
  for (const int ms_after_commit : {-1, 0, 150, 400}) {
    CAPTURE(ms_after_commit);
    const Xapian::doccount before = committed(index);
    const pid_t pid = spawn(index_args(index, args), dir / "index.log");
    if (ms_after_commit >= 0) {
      wait_for_commit_past(index, before);
      std::this_thread::sleep_for(std::chrono::milliseconds(ms_after_commit));
    }
    killed_while_running += kill(pid, SIGKILL) == 0 && wait_exit(pid) == -1;
    const IndexState state = inspect(index);
    if (!state.exists) continue;
    partial += state.documents > 0 && state.documents < kLetters;
    check_whole_and_unique(state);
  }
  CHECK(killed_while_running > 0);
  CHECK(partial > 0);  // else the kills tested nothing between commits
  REQUIRE(run(index_args(index, args), dir / "index.log") == 0);
  const IndexState done = inspect(index);
  CHECK(done.documents == kLetters);
  CHECK(done.sources.size() == kLetters);
  check_whole_and_unique(done);
}

TEST_CASE("kill -9 at any moment leaves an index that answers - a re-run completes it, each letter once") {
  kill_at_any_moment({});
}

// Each shard commits on its own: a kill between two shards' commits leaves
// some shards a batch ahead, which the re-run completes like any other batch.
TEST_CASE("kill -9 of a sharded run leaves shards that answer as one - a re-run completes them") {
  kill_at_any_moment({"--shards", "2"});
}

// Compaction (imr-index --compact) swaps each database for its compacted copy
// in one rename: killed while copying, between two shards or before deleting
// the old folder, the index is whole with every letter; the next run completes it.
TEST_CASE("kill -9 during a compaction leaves an index that answers with every letter") {
  const TempDir dir;
  constexpr unsigned kLetters = 1500;
  const fs::path letters = generate(dir, kLetters, 4);
  const fs::path index = dir / "index";
  REQUIRE(run(index_args(index, {"--shards", "2", "--no-compact", letters.string()}), dir / "index.log") == 0);
  const fs::path copy = index / "shard-0.compacting";
  int killed_while_compacting = 0;
  for (const int ms_after_start : {0, 5, 10, 20, 30, 50, 75, 100, 150, 250, 400, 600}) {
    CAPTURE(ms_after_start);
    const pid_t pid = spawn(index_args(index, {"--compact"}), dir / "compact.log");
    const auto give_up = Clock::now() + std::chrono::minutes(2);
    while (!fs::exists(copy) && Clock::now() < give_up) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(ms_after_start));
    const bool mid_way = fs::exists(index / "shard-0.compacting") || fs::exists(index / "shard-1.compacting");
    killed_while_compacting += kill(pid, SIGKILL) == 0 && wait_exit(pid) == -1 && mid_way;
    const IndexState state = inspect(index);
    REQUIRE(state.exists);
    CHECK(state.documents == kLetters);
    check_whole_and_unique(state);
  }
  CHECK(killed_while_compacting > 0);  // else the kills tested nothing
  REQUIRE(run(index_args(index, {"--compact"}), dir / "compact.log") == 0);
  CHECK_FALSE(fs::exists(index / "shard-0.compacting"));
  CHECK_FALSE(fs::exists(index / "shard-1.compacting"));
  const IndexState done = inspect(index);
  CHECK(done.documents == kLetters);
  check_whole_and_unique(done);
}

TEST_CASE("re-indexing skips unchanged files, replaces changed ones - --delete and --prune remove letters") {
  const TempDir dir;
  const fs::path letters = generate(dir, 600, 5);
  const fs::path index = dir / "index";
  const double first = seconds_to_index(index, letters, dir / "first.log");
  const double again = seconds_to_index(index, letters, dir / "again.log");
  MESSAGE("indexing 600 letters took ", first, " s; re-indexing them unchanged ", again, " s");
  // Unchanged files are hashed, not parsed; the log says so (no time bound: tests run side by side).
  CHECK(read_text(dir / "again.log").find("indexed 0 letters (0 new, 0 replaced), 600 unchanged") != std::string::npos);

  const fs::path changed = letters / "0000" / "00000007.txt";
  std::ofstream(changed, std::ios::app) << "\nAddendum zqxjvword.\n";
  CHECK(run(index_args(index, {letters.string()}), dir / "changed.log") == 0);
  // A letter without a case number is keyed by its content, so it may count as new.
  CHECK(read_text(dir / "changed.log").find("indexed 1 letters (") != std::string::npos);
  CHECK(read_text(dir / "changed.log").find("), 599 unchanged") != std::string::npos);
  {
    const Xapian::Database db(index.string());
    CHECK(db.get_doccount() == 600);
    CHECK(db.get_termfreq("zqxjvword") == 1);
  }

  // A letter's case number, read from the index, then deleted by it.
  std::string case_number;
  {
    const Xapian::Database db(index.string());
    for (auto it = db.postlist_begin(""); it != db.postlist_end("") && case_number.empty(); ++it)
      case_number = imr::schema::read_stored_letter(db, db.get_document(*it)).record.case_number.value_or("");
  }
  REQUIRE_FALSE(case_number.empty());
  CHECK(run(index_args(index, {"--delete", case_number}), dir / "delete.log") == 0);
  CHECK(read_text(dir / "delete.log").find("deleted " + case_number) != std::string::npos);
  CHECK(Xapian::Database(index.string()).get_doccount() == 599);
  CHECK(run(index_args(index, {"--delete", "CM99-9999999"}), dir / "delete-unknown.log") == 1);
  CHECK(read_text(dir / "delete-unknown.log").find("no such letter") != std::string::npos);

  fs::remove(letters / "0000" / "00000011.txt");
  fs::remove(letters / "0000" / "00000012.txt");
  CHECK(run(index_args(index, {"--prune"}), dir / "prune.log") == 0);
  CHECK(read_text(dir / "prune.log").find("pruned 2 letters") != std::string::npos);
  const IndexState state = inspect(index);
  CHECK(state.documents == 597);
  check_whole_and_unique(state);
}

TEST_CASE("a second indexer on the same index is told the index is locked") {
  const TempDir dir;
  const fs::path letters = generate(dir, 3000, 7);
  const fs::path index = dir / "index";
  // Hold the lock from this process: deterministic, whatever the machine's speed.
  {
    Xapian::WritableDatabase holder(index.string(), Xapian::DB_CREATE_OR_OPEN);
    CHECK(run(index_args(index, {letters.string()}), dir / "locked.log") == 2);
    CHECK(read_text(dir / "locked.log").find("is locked") != std::string::npos);
  }
  // Two imr-index processes: the second starts while the first writes.
  const pid_t first = spawn(index_args(index, {letters.string()}), dir / "first.log");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const int second = run(index_args(index, {letters.string()}), dir / "second.log");
  CHECK(wait_exit(first) == 0);
  CHECK(second == 2);
  CHECK(read_text(dir / "second.log").find("is locked: another imr-index is writing to it") != std::string::npos);
  CHECK(Xapian::Database(index.string()).get_doccount() == 3000);
}

TEST_CASE("bad files are reported with a reason, the rest indexed, and the exit status says so") {
  const TempDir dir;
  const fs::path bad = dir / "bad";
  fs::create_directories(bad);
  const std::string seed = read_text(seeds_dir() / "000_f8c318a2e4561815.txt");
  REQUIRE(seed.size() > 2000);
  write_text(bad / "empty.txt", "");
  write_text(bad / "binary.txt", std::string("\x7f"
                                             "ELF\x02\x01\x01\0\0\0\0",
                                             12) +
                                     std::string(4096, '\0'));
  write_text(bad / "truncated.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty");
  write_text(bad / "invalid_utf8.txt", seed.substr(0, 1500) + "\xff\xfe\xc3\x28 \xed\xa0\x80" + seed.substr(1500));
  write_text(bad / "no_items.txt", seed.substr(0, seed.find("IMR ISSUES")));
  {
    std::ofstream huge(bad / "huge.txt", std::ios::binary);
    const std::string line(1023, 'a');
    for (int i = 0; i < 100 * 1024; ++i) huge << line << '\n';
  }
  const fs::path index = dir / "index";
  const auto start = Clock::now();
  const int status = run(index_args(index, {bad.string()}), dir / "bad.log");
  const std::string log = read_text(dir / "bad.log");
  CAPTURE(log);
  CHECK(std::chrono::duration<double>(Clock::now() - start).count() < 60);
  CHECK(status == 1);
  for (const char* name : {"empty.txt", "binary.txt", "truncated.pdf", "huge.txt"}) {
    CAPTURE(name);
    CHECK(log.find("skipped " + (bad / name).generic_string() + ": ") != std::string::npos);
  }
  CHECK(log.find("warning: " + (bad / "no_items.txt").generic_string() + ": no decided items") != std::string::npos);
  const Xapian::Database db(index.string());
  CHECK(db.get_doccount() >= 1);  // the letter with invalid UTF-8 is indexed from what could be read
  CHECK(db.term_exists("carisoprodol"));
}

TEST_CASE("a full disk stops indexing with a clear error and leaves the last commit intact") {
  const TempDir dir;
  const fs::path letters = generate(dir, 1500, 9);
  const fs::path small = dir / "small";
  fs::create_directories(small);
  // A 3 MB tmpfs where the test may mount one; otherwise a 3 MB file-size limit,
  // which fails writes the same way (SIGXFSZ ignored, inherited by imr-index).
  const bool mounted = mount("tmpfs", small.c_str(), "tmpfs", 0, "size=3m") == 0;
  rlimit old{};
  getrlimit(RLIMIT_FSIZE, &old);
  const fs::path index = small / "index";
  REQUIRE(run(index_args(index, {seeds_dir().string()}), dir / "seeds.log") == 0);
  if (!mounted) {
    signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{3 << 20, old.rlim_max};
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  const int status = run(index_args(index, {letters.string()}), dir / "full.log");
  setrlimit(RLIMIT_FSIZE, &old);
  if (mounted) {
    const IndexState state = inspect(index);
    CHECK(state.documents >= 5);
    check_whole_and_unique(state);
    umount2(small.c_str(), MNT_DETACH);
  } else {
    check_whole_and_unique(inspect(index));
  }
  const std::string log = read_text(dir / "full.log");
  CAPTURE(log);
  CHECK(status == 2);
  CHECK(log.find("error: ") != std::string::npos);
  CHECK((log.find("No space left") != std::string::npos || log.find("too large") != std::string::npos));
}
