// imr-index: index letters into a Xapian index, or print their records.
//
//   imr-index [--db DIR] PATH...     index files and folders (recursively)
//   imr-index extract PATH...        print one JSON record per letter
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/letter_files.h"
#include "cli/progress.h"
#include "document/content_hash.h"
#include "document/document_builder.h"
#include "index/index_writer.h"
#include "pipeline/letter_loader.h"

namespace {

using namespace imr::indexer;

struct Summary {
  std::size_t added = 0, replaced = 0, unchanged = 0;
  std::vector<std::string> skipped;  // "path: reason"
  bool failed = false;               // some file could not be read

  void skip(const std::string& path, const std::string& reason, bool is_failure) {
    skipped.push_back(path + ": " + reason);
    failed = failed || is_failure;
  }
  void print() const {
    std::fprintf(stderr, "indexed %zu letters (%zu new, %zu replaced), %zu unchanged, %zu skipped\n",
                 added + replaced, added, replaced, unchanged, skipped.size());
    for (const std::string& s : skipped) std::fprintf(stderr, "  skipped %s\n", s.c_str());
  }
};

void warn(const std::string& source, const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) std::fprintf(stderr, "warning: %s: %s\n", source.c_str(), w.c_str());
}

LetterFiles files_or_report(const std::vector<std::string>& paths) {
  LetterFiles files = collect_letter_files(paths);
  for (const std::string& e : files.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
  return files;
}

int run_extract(const std::vector<std::string>& paths) {
  const LetterFiles files = files_or_report(paths);
  bool failed = !files.errors.empty();
  LetterLoader loader(imr::schema::Vocabulary::builtin());
  for (const auto& path : files.files) {
    const std::string source = path.generic_string();
    try {
      const LoadedLetter letter = loader.load(path, source);
      warn(source, letter.warnings);
      if (!letter.parsed.is_letter) warn(source, {"does not look like a determination letter"});
      std::cout << nlohmann::json(letter.parsed.record).dump() << '\n';
    } catch (const ReadError& e) {
      std::fprintf(stderr, "error: %s: %s\n", source.c_str(), e.what());
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

void index_one(const std::filesystem::path& path, const LetterLoader& loader, const DocumentBuilder& builder,
               IndexWriter& writer, Summary& summary) {
  const std::string source = path.generic_string();
  try {
    const std::string bytes = read_file_bytes(path);
    const std::string hash = content_hash(bytes);
    if (writer.unchanged(source, hash)) {
      ++summary.unchanged;
      return;
    }
    const LoadedLetter letter = loader.load_bytes(bytes, format_of(path), source);
    warn(source, letter.warnings);
    if (!letter.parsed.is_letter) return summary.skip(source, "not a determination letter", false);
    const auto doc = builder.build(letter.parsed.record, letter.clean_text, hash);
    (writer.write(doc, source) == WriteOutcome::added ? summary.added : summary.replaced)++;
  } catch (const ReadError& e) {
    summary.skip(source, e.what(), true);
  }
}

int run_index(const std::string& db, const std::vector<std::string>& paths) {
  const LetterFiles files = files_or_report(paths);
  Summary summary;
  summary.failed = !files.errors.empty();
  try {
    LetterLoader loader(imr::schema::Vocabulary::builtin());
    DocumentBuilder builder;
    IndexWriter writer(db);
    Progress progress(files.files.size());
    for (const auto& path : files.files) {
      index_one(path, loader, builder, writer, summary);
      progress.advance();
    }
    writer.commit();
  } catch (const std::exception& e) {
    summary.print();
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  summary.print();
  return summary.failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"imr-index: index IMR determination letters (.txt .md .html .pdf) for imr-search"};
  app.require_subcommand(0, 1);
  std::string db = "data/index";
  std::vector<std::string> paths;
  app.add_option("--db", db, "index folder")->capture_default_str();
  app.add_option("paths", paths, "letter files or folders (searched recursively)");

  CLI::App* extract = app.add_subcommand("extract", "print one JSON record per letter; index nothing");
  std::vector<std::string> extract_paths;
  extract->add_option("paths", extract_paths, "letter files or folders")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (extract->parsed()) return run_extract(extract_paths);
    if (paths.empty()) {
      std::cerr << app.help();
      return 2;
    }
    return run_index(db, paths);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
}
