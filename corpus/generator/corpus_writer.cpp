// write_corpus: ranges per thread, each writing its letters and a part of
// the truth; the parts are joined in order at the end.
#include "corpus_writer.h"

#include <atomic>
#include <exception>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "letter_maker.h"
#include "markdown_writer.h"
#include "pdf_writer.h"

namespace imr::generator {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

fs::path part_path(const CorpusOptions& o, unsigned part) {
  return o.out / (".truth-" + std::to_string(part) + ".jsonl");
}

struct Range {
  std::uint64_t begin, end;
};

// Writes letters [begin, end) and their truth lines; returns the bytes written.
std::uint64_t write_range(const CorpusOptions& o, Range range, unsigned part) {
  const LetterMaker maker(TemplateBook::standard());
  std::ofstream truth(part_path(o, part), std::ios::binary);
  std::uint64_t bytes = 0;
  for (std::uint64_t n = range.begin; n < range.end; ++n) {
    const std::string source = letter_path(n, "txt");
    if (n % 1000 == 0 || n == range.begin) fs::create_directories((o.out / source).parent_path());
    const GeneratedLetter letter = maker.make(o.seed, n, source);
    write_file(o.out / source, letter.text);
    if (n < o.pdfs)
      write_pdf(o.out / letter_path(n, "pdf"), letter.pages, letter.truth.dates.decision.value_or("2013-01-01"));
    if (n < o.markdowns) write_file(o.out / letter_path(n, "md"), markdown_text(letter.paragraphs));
    truth << nlohmann::json(letter.truth).dump() << '\n';
    bytes += letter.text.size();
  }
  if (!truth) throw std::runtime_error("cannot write " + part_path(o, part).string());
  return bytes;
}

void join_parts(const CorpusOptions& o, unsigned parts) {
  std::ofstream truth(o.out / "truth.jsonl", std::ios::binary);
  for (unsigned p = 0; p < parts; ++p) {
    {
      std::ifstream in(part_path(o, p), std::ios::binary);
      truth << in.rdbuf();
    }
    fs::remove(part_path(o, p));
  }
  if (!truth) throw std::runtime_error("cannot write " + (o.out / "truth.jsonl").string());
}

}  // namespace

void write_corpus(const CorpusOptions& o) {
  fs::create_directories(o.out / "letters");
  TemplateBook::standard();  // loaded before the threads start, so a bad template fails once, clearly
  const unsigned threads =
      std::max(1u, std::min<unsigned>(o.threads, static_cast<unsigned>(std::max<std::uint64_t>(o.letters, 1))));
  std::vector<std::uint64_t> bytes(threads, 0);
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    const Range range{o.letters * t / threads, o.letters * (t + 1) / threads};
    workers.emplace_back([&, t, range] {
      try {
        bytes[t] = write_range(o, range, t);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (std::thread& w : workers) w.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  join_parts(o, threads);
  std::uint64_t total = 0;
  for (const auto b : bytes) total += b;
  const nlohmann::json manifest{
      {"letters", o.letters}, {"seed", o.seed}, {"generator_version", kGeneratorVersion}, {"bytes", total}};
  write_file(o.out / "manifest.json", manifest.dump(2) + "\n");
}

}  // namespace imr::generator
