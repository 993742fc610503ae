// The main of every doctest binary. ctest runs each test case by name
// (--test-case=NAME); a name that test discovery mangled matches nothing, and
// doctest calls a run of zero cases a success. Here a run that was given a
// test-case filter and matches no case fails, naming the filter.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The --test-case filter given on the command line, if any.
std::string_view test_case_filter(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    for (const std::string_view option : {"--test-case=", "-tc=", "--dt-test-case=", "--dt-tc="})
      if (arg.starts_with(option)) return arg.substr(option.size());
  }
  return {};
}

// How many test cases pass the command line's filters (doctest's own --count).
int cases_selected(int argc, char** argv) {
  std::vector<char*> args(argv, argv + argc);
  std::string count_flag = "--count";
  args.push_back(count_flag.data());
  doctest::Context counter(static_cast<int>(args.size()), args.data());
  std::ostringstream out;
  counter.setCout(&out);
  counter.run();
  const std::string text = out.str();
  const std::size_t colon = text.find("filters: ");
  return colon == std::string::npos ? -1 : std::stoi(text.substr(colon + 9));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view filter = test_case_filter(argc, argv);
  if (!filter.empty() && cases_selected(argc, argv) == 0) {
    std::cerr << "no test case matches --test-case=" << filter
              << " (was its name split or changed on the way from test discovery?)\n";
    return 1;
  }
  doctest::Context context(argc, argv);
  return context.run();
}
