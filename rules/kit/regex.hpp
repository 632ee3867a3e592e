// A rule's regular expression, compiled on first use. A rule is built at
// start-up whatever the document holds; compiling its patterns then would make
// every run pay for every rule (the speed issue: a rule a document never
// reaches costs nothing). The pattern compiles once per process, under
// std::call_once, and is shared read-only by every thread after.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>

namespace dhrlint::kit {

class LazyRegex {
 public:
  explicit LazyRegex(std::string pattern) : pattern_(std::move(pattern)) {}
  LazyRegex(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)), options_(options) {}
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;
  ~LazyRegex() = default;

  const RE2& get() const {
    std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, options_); });
    return *re_;
  }
  const RE2& operator*() const { return get(); }
  const RE2* operator->() const { return &get(); }

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

}  // namespace dhrlint::kit
