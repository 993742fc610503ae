// A thin RAII layer over the SQLite C API: a connection, prepared statements
// with positional binding, and errors as exceptions with SQLite's message.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace imr::bench {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text);  // 1-based
  Statement& bind(int index, std::int64_t number);
  // Steps once; true while a row is available.
  bool step();
  // Clears bindings and rewinds, for the next use.
  void reset();

  std::string text(int column) const;  // 0-based; "" for NULL
  std::int64_t number(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Connection {
 public:
  explicit Connection(const std::filesystem::path& file);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without results.
  void exec(std::string_view sql);
  // A prepared statement for sql, prepared once and reused (reset before return).
  Statement& prepared(const std::string& sql);
  std::int64_t changes() const;

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

}  // namespace imr::bench
